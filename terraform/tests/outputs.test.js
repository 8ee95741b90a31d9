'use strict';
// environments/dev/outputs.json: the shape of `terraform output -json`, one
// entry per output block, no secrets, the ids the portal's catalog expects.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const {
  renderOutputs,
  render,
  OUTPUTS_JSON,
  SENSITIVE_PLACEHOLDER,
} = require('../scripts/render-outputs-json');
const { catalogResources } = require('../scripts/lib/settings');
const { stack, mutated, TERRAFORM } = require('./helpers');

const committed = JSON.parse(fs.readFileSync(OUTPUTS_JSON, 'utf8'));

const PORTAL_OUTPUTS = [
  'subscription_id',
  'resource_group_id',
  'resource_group_name',
  'app_service_id',
  'app_service_name',
  'app_service_plan_id',
  'app_service_plan_name',
  'postgresql_server_id',
  'postgresql_server_name',
  'storage_account_id',
  'storage_account_name',
  'key_vault_id',
  'key_vault_name',
  'log_analytics_workspace_id',
  'log_analytics_workspace_name',
  'application_insights_id',
  'application_insights_name',
  'communication_service_id',
  'communication_service_name',
  'communication_service_endpoint',
  'communication_service_immutable_resource_id',
  'communication_service_connection_string',
  'action_group_id',
  'budget_name',
  'alert_rule_ids',
  'sre_control_center_resources',
];

test('every output block of environments/dev/outputs.tf has an entry in outputs.json, and every entry an output block', async () => {
  const declared = Object.keys((await stack()).env.outputs).sort();
  assert.deepEqual(Object.keys(committed).sort(), declared);
});

test('each entry is { sensitive, type, value } and sensitive as outputs.tf declares it', async () => {
  const outputs = (await stack()).env.outputs;
  for (const [name, entry] of Object.entries(committed)) {
    assert.deepEqual(Object.keys(entry), ['sensitive', 'type', 'value'], name);
    assert.equal(
      entry.sensitive,
      outputs[name].body.sensitive === true,
      `${name}: sensitive`,
    );
    assert.ok(
      typeof entry.type === 'string' || Array.isArray(entry.type),
      `${name}: type`,
    );
  }
});

test('sensitive outputs hold a placeholder, and no value looks like a secret', () => {
  for (const [name, entry] of Object.entries(committed))
    if (entry.sensitive) assert.equal(entry.value, SENSITIVE_PLACEHOLDER, name);
  const text = JSON.stringify(committed);
  for (const secret of [
    /AccountKey=/i,
    /accesskey=/i,
    /InstrumentationKey=/i,
    /SharedAccessSignature/i,
    /password=/i,
    /sig=/,
  ])
    assert.doesNotMatch(text, secret);
});

test('the committed outputs.json is what render-outputs-json.js derives from outputs.tf', async () => {
  assert.equal(
    fs.readFileSync(OUTPUTS_JSON, 'utf8'),
    render(await renderOutputs()),
    'run node terraform/scripts/render-outputs-json.js',
  );
});

test('the outputs the portal reads exist, with full ARM ids under the resource group', () => {
  for (const name of PORTAL_OUTPUTS)
    assert.ok(committed[name], `output ${name}`);
  const rg = committed.resource_group_id.value;
  assert.equal(
    rg,
    '/subscriptions/3f2b8c1e-7d4a-4e5b-9c6f-1a2b3c4d5e6f/resourceGroups/rg-mindful-moments-dev',
  );
  for (const [name, entry] of Object.entries(committed))
    if (
      name.endsWith('_id') &&
      /^\/subscriptions\//.test(entry.value) &&
      name !== 'resource_group_id'
    )
      assert.ok(
        entry.value.startsWith(`${rg}/providers/`),
        `${name} = ${entry.value}`,
      );
});

test("sre_control_center_resources: { id, name, type } per resource, every id in the System's resource group", () => {
  const resources = committed.sre_control_center_resources.value;
  // The catalog module makes the Resource entities from this output; the
  // System in catalog-info.yaml names the resource group they must live in.
  const { resourceGroupId } = catalogResources();
  assert.ok(
    resourceGroupId,
    'the System has sre-control-center/azure-resource-group',
  );
  for (const [name, entry] of Object.entries(resources)) {
    // ARM ids compare case-insensitively (azurerm writes serverFarms, ARM serverfarms).
    assert.ok(
      entry.id
        .toLowerCase()
        .startsWith(`${resourceGroupId.toLowerCase()}/providers/`),
      `${name}: ${entry.id}`,
    );
    assert.ok(
      entry.id.toLowerCase().endsWith(`/${name.toLowerCase()}`),
      `${name}: id names the resource`,
    );
  }
  const types = new Set(Object.values(resources).map(r => r.type));
  for (const type of [
    'azure-app-service',
    'azure-app-service-plan',
    'azure-postgresql-flexible-server',
    'azure-storage-account',
    'azure-key-vault',
    'azure-log-analytics-workspace',
    'azure-application-insights',
    'azure-communication-service',
  ])
    assert.ok(types.has(type), type);
  for (const [key, entry] of Object.entries(resources)) {
    assert.equal(key, entry.name);
    assert.deepEqual(Object.keys(entry).sort(), [
      'depends_on',
      'id',
      'name',
      'type',
    ]);
    for (const dependency of entry.depends_on)
      assert.ok(resources[dependency], `${key} depends on ${dependency}`);
  }
});

test('an output the script cannot derive fails loudly instead of being left out', async () => {
  await assert.rejects(
    renderOutputs(
      TERRAFORM,
      mutated([
        [
          'environments/dev/outputs.tf',
          'output "location" {',
          'output "tenant_id" {\n  description = "Tenant."\n  value       = data.azurerm_client_config.current.tenant_id\n}\n\noutput "location" {',
        ],
      ]),
    ),
    /output "tenant_id"/,
  );
});
