#!/usr/bin/env node
'use strict';
/*
 * terraform/environments/dev/outputs.json: the environment's outputs in the
 * shape of `terraform output -json` ({ name: { sensitive, type, value } },
 * names sorted, object keys sorted, types in Terraform's JSON type syntax),
 * with the values an apply of this environment produces, derived from
 * outputs.tf and the stack's known naming (terraform cannot run here). The
 * portal's catalog module reads it as the local stand-in for the outputs the
 * terraform-deploy workflow publishes.
 *
 * What cannot be known before an apply is marked: object ids of identities
 * and the like are stable placeholders derived from the resource name
 * (shaped like GUIDs, not real), and sensitive outputs hold "(sensitive)",
 * exactly as the workflow redacts them.
 *
 *   node terraform/scripts/render-outputs-json.js          write the file
 *   node terraform/scripts/render-outputs-json.js --check  exit 1 if it is stale
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { buildContext } = require('./lib/context');
const { loadRunbooks } = require('./lib/runbooks');

const TERRAFORM = path.resolve(__dirname, '..');
const OUTPUTS_JSON = path.join(TERRAFORM, 'environments/dev/outputs.json');
const SENSITIVE_PLACEHOLDER = '(sensitive)';

/** A GUID-shaped placeholder, stable per label: not an id Azure issued. */
function placeholderGuid(label) {
  const hex = crypto
    .createHash('sha256')
    .update(`sre-cc-placeholder:${label}`)
    .digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(
    13,
    16,
  )}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Terraform's JSON type of a value as the expression kinds here produce it. */
function typeOf(value) {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'bool';
  if (Array.isArray(value)) return ['tuple', value.map(typeOf)];
  return [
    'object',
    Object.fromEntries(
      Object.keys(value)
        .sort()
        .map(k => [k, typeOf(value[k])]),
    ),
  ];
}

function sortKeys(value) {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map(k => [k, sortKeys(value[k])]),
    );
  return value;
}

/** The values of the stack after an apply, by the expression outputs.tf uses. */
function world(ctx) {
  const names = ctx.local('env', 'names');
  const example = fs.readFileSync(
    path.join(TERRAFORM, 'environments/dev/terraform.tfvars.example'),
    'utf8',
  );
  const subscription = /^subscription_id\s*=\s*"([^"]+)"/m.exec(example)[1];
  const location = ctx.variable('env', 'location').default;
  const rg = `/subscriptions/${subscription}/resourceGroups/${names.resource_group}`;
  const arm = (provider, name) => `${rg}/providers/${provider}/${name}`;
  const alerts = Object.keys(ctx.local('monitoring', 'metric_alerts'));
  const secret = name =>
    `https://${names.key_vault}.vault.azure.net/secrets/${name}`;
  const acsHost = `${names.communication}.${ctx
    .resource('communication', 'azurerm_communication_service', 'this')
    .data_location.toLowerCase()}.communication.azure.com`;
  const appHost = `${names.app_service}.azurewebsites.net`;
  return {
    'var.subscription_id': subscription,
    'var.sre_agent_enabled': ctx.variable('env', 'sre_agent_enabled').default,
    'azurerm_resource_group.this.location': location,
    'azurerm_resource_group.this.id': rg,
    'azurerm_resource_group.this.name': names.resource_group,
    'module.networking.virtual_network_id': arm(
      'Microsoft.Network/virtualNetworks',
      names.virtual_network,
    ),
    'module.networking.virtual_network_name': names.virtual_network,
    'module.app_service.id': arm('Microsoft.Web/sites', names.app_service),
    'module.app_service.name': names.app_service,
    'module.app_service.default_hostname': appHost,
    'module.app_service.url': `https://${appHost}`,
    'module.app_service.principal_id': placeholderGuid(
      `${names.app_service}/identity`,
    ),
    'module.app_service.node_version': ctx.input('app_service', 'node_version'),
    'module.app_service.plan_id': arm(
      'Microsoft.Web/serverFarms',
      names.app_service_plan,
    ),
    'module.app_service.plan_name': names.app_service_plan,
    'module.app_service.plan_sku_name': ctx.resource(
      'app_service',
      'azurerm_service_plan',
      'this',
    ).sku_name,
    'module.database.id': arm(
      'Microsoft.DBforPostgreSQL/flexibleServers',
      names.postgresql,
    ),
    'module.database.name': names.postgresql,
    'module.database.fqdn': `${names.postgresql}.postgres.database.azure.com`,
    'module.database.database_name': ctx.resource(
      'database',
      'azurerm_postgresql_flexible_server_database',
      'app',
    ).name,
    'module.database.administrator_password_secret_id': secret(
      ctx.resource(
        'database',
        'azurerm_key_vault_secret',
        'administrator_password',
      ).name,
    ),
    'module.storage.id': arm(
      'Microsoft.Storage/storageAccounts',
      names.storage_account,
    ),
    'module.storage.name': names.storage_account,
    'module.storage.container_name': ctx.resource(
      'storage',
      'azurerm_storage_container',
      'images',
    ).name,
    'module.storage.primary_blob_endpoint': `https://${names.storage_account}.blob.core.windows.net/`,
    'module.key_vault.id': arm('Microsoft.KeyVault/vaults', names.key_vault),
    'module.key_vault.name': names.key_vault,
    'module.key_vault.vault_uri': `https://${names.key_vault}.vault.azure.net/`,
    'module.key_vault.secret_ids["acs-connection-string"]': secret(
      'acs-connection-string',
    ),
    'module.monitoring.log_analytics_workspace_id': arm(
      'Microsoft.OperationalInsights/workspaces',
      names.log_analytics,
    ),
    'module.monitoring.log_analytics_workspace_name': names.log_analytics,
    'module.monitoring.application_insights_id': arm(
      'Microsoft.Insights/components',
      names.app_insights,
    ),
    'module.monitoring.application_insights_name': names.app_insights,
    'module.monitoring.application_insights_connection_string':
      SENSITIVE_PLACEHOLDER,
    'module.monitoring.action_group_id': arm(
      'Microsoft.Insights/actionGroups',
      names.action_group,
    ),
    'module.monitoring.action_group_name': names.action_group,
    'module.monitoring.alert_rule_ids': Object.fromEntries(
      alerts.map(name => [name, arm('Microsoft.Insights/metricAlerts', name)]),
    ),
    'module.budget.id': arm('Microsoft.Consumption/budgets', names.budget),
    'module.budget.name': names.budget,
    'module.budget.amount': ctx.input('budget', 'amount'),
    'module.communication.id': arm(
      'Microsoft.Communication/communicationServices',
      names.communication,
    ),
    'module.communication.name': names.communication,
    'module.communication.hostname': acsHost,
    'module.communication.endpoint': `https://${acsHost}/`,
    'module.communication.immutable_resource_id': placeholderGuid(
      `${names.communication}/immutableResourceId`,
    ),
    'module.communication.primary_connection_string': SENSITIVE_PLACEHOLDER,
    'module.sre_agent': [],
  };
}

/** The catalog resources of `local.sre_control_center_resources`, from its HCL. */
function portalResources(ctx, known) {
  const text = ctx.rawLocal('env', 'sre_control_center_resources');
  const entries = {};
  const pattern =
    /\(module\.(\w+)\.(\w+)\)\s*=\s*\{\s*id\s*=\s*module\.(\w+)\.(\w+)\s*name\s*=\s*module\.(\w+)\.(\w+)\s*type\s*=\s*"([\w-]+)"\s*depends_on\s*=\s*\[([^\]]*)\]\s*\}/g;
  for (const m of text.matchAll(pattern)) {
    const get = (mod, out) => {
      const value = known[`module.${mod}.${out}`];
      if (value === undefined)
        throw new Error(
          `outputs.json: no known value for module.${mod}.${out}`,
        );
      return value;
    };
    const dependsOn = [...m[8].matchAll(/module\.(\w+)\.(\w+)/g)].map(d =>
      get(d[1], d[2]),
    );
    entries[get(m[1], m[2])] = {
      depends_on: dependsOn,
      id: get(m[3], m[4]),
      name: get(m[5], m[6]),
      type: m[7],
    };
  }
  if (Object.keys(entries).length === 0)
    throw new Error(
      'outputs.json: local.sre_control_center_resources has no entries this script understands',
    );
  // The agent's entry exists only with sre_agent_enabled (module.sre_agent has no instances otherwise).
  if (known['var.sre_agent_enabled'])
    throw new Error(
      "outputs.json: render the agent's entry before turning sre_agent_enabled on by default",
    );
  return entries;
}

/** How each output expression of outputs.tf evaluates after an apply. */
function evaluateOutput(name, expression, ctx, known) {
  const plain = /^\$\{([\w.]+(?:\["[\w-]+"\])?)\}$/.exec(expression);
  if (plain && plain[1] in known) return known[plain[1]];
  const agentDisabled = known['var.sre_agent_enabled'] === false;
  const special = [
    [
      /^\$\{coalesce\(module\.communication\.caller_phone_number, ""\)\}$/,
      () =>
        ctx.variable('env', 'communication_caller_phone_number').default ?? '',
    ],
    [
      /^\$\{join\("", (\[for agent in )?module\.sre_agent/,
      () => (agentDisabled ? '' : undefined),
    ],
    [
      /^\$\{\[for runbook in local\.runbooks : runbook\.name\]\}$/,
      () => loadRunbooks().document.runbooks.map(r => r.name),
    ],
    [
      /^\$\{local\.sre_control_center_resources\}$/,
      () => portalResources(ctx, known),
    ],
  ];
  for (const [pattern, derive] of special) {
    if (pattern.test(expression)) {
      const value = derive();
      if (value !== undefined) return value;
    }
  }
  throw new Error(
    `outputs.json: output "${name}" = ${expression}: add how to derive it to terraform/scripts/render-outputs-json.js`,
  );
}

async function renderOutputs(root = TERRAFORM, overlay = {}) {
  const ctx = await buildContext(root, overlay);
  const known = world(ctx);
  const result = {};
  for (const name of Object.keys(ctx.env.outputs).sort()) {
    const output = ctx.env.outputs[name].body;
    const sensitive = output.sensitive === true;
    const value = evaluateOutput(name, output.value, ctx, known);
    result[name] = {
      sensitive,
      type: typeOf(value),
      value: sensitive ? SENSITIVE_PLACEHOLDER : sortKeys(value),
    };
  }
  return result;
}

const render = value => `${JSON.stringify(value, null, 2)}\n`;

async function main() {
  const text = render(await renderOutputs());
  if (process.argv.includes('--check')) {
    const current = fs.existsSync(OUTPUTS_JSON)
      ? fs.readFileSync(OUTPUTS_JSON, 'utf8')
      : '';
    if (current !== text) {
      console.error(
        'terraform/environments/dev/outputs.json is stale: run node terraform/scripts/render-outputs-json.js',
      );
      process.exit(1);
    }
    return;
  }
  fs.writeFileSync(OUTPUTS_JSON, text);
  console.log(
    `wrote ${path.relative(process.cwd(), OUTPUTS_JSON)} (${
      Object.keys(JSON.parse(text)).length
    } outputs)`,
  );
}

if (require.main === module)
  main().catch(error => {
    console.error(error.message);
    process.exit(1);
  });

module.exports = {
  renderOutputs,
  render,
  placeholderGuid,
  SENSITIVE_PLACEHOLDER,
  OUTPUTS_JSON,
};
