'use strict';
/*
 * The plan's settings (issue 17), one check each, read from the parsed HCL
 * as the dev environment composes the modules. Each check throws an
 * AssertionError naming what is wrong; tests run them on the real tree and
 * on mutated copies.
 */
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const YAML = require('yaml');
const { isRef } = require('./context');
const { Unknown } = require('./hcl');

const REPO = path.resolve(__dirname, '../../..');

const first = (body, name) => {
  const value = body?.[name];
  assert.ok(
    Array.isArray(value) && value.length > 0,
    `block "${name}" is missing`,
  );
  return value[0];
};

const expr = value =>
  value instanceof Unknown ? value.expression.trim() : value;

/** The Resource entities of catalog-info.yaml: name => { type, id }. */
/**
 * What the portal's catalog knows of the stack: the System's annotations in
 * catalog-info.yaml, and the Resource entities the catalog module makes from
 * the committed outputs.json (its `sre_control_center_resources` output).
 */
function catalogResources() {
  const docs = YAML.parseAllDocuments(
    fs.readFileSync(path.join(REPO, 'catalog-info.yaml'), 'utf8'),
  ).map(doc => doc.toJS());
  const outputs = JSON.parse(
    fs.readFileSync(
      path.join(REPO, 'terraform/environments/dev/outputs.json'),
      'utf8',
    ),
  );
  const resources = {};
  for (const resource of Object.values(
    outputs.sre_control_center_resources?.value ?? {},
  )) {
    resources[resource.name] = { type: resource.type, id: resource.id };
  }
  const system = docs.find(doc => doc?.kind === 'System');
  return {
    resources,
    resourceGroupId:
      system?.metadata.annotations?.['sre-control-center/azure-resource-group'],
    budget: system?.metadata.annotations?.['sre-control-center/budget'],
  };
}

/** The metric alert rules the emulator seeds (packages/cloud-emulator/src/world/alertRules.ts). */
function emulatorAlertRules() {
  const text = fs.readFileSync(
    path.join(REPO, 'packages/cloud-emulator/src/world/alertRules.ts'),
    'utf8',
  );
  const rules = {};
  for (const m of text.matchAll(
    /'(alert-[a-z0-9-]+)': \{([\s\S]*?)\n {2}\},/g,
  )) {
    const field = name => {
      const found = new RegExp(`\\b${name}: '?([^',\\n]+)'?,`).exec(m[2]);
      return found?.[1];
    };
    rules[m[1]] = {
      severity: Number(field('severity')?.replace('Sev', '')),
      metric: field('metricName'),
      namespace: field('metricNamespace'),
      operator: field('operator'),
      threshold: Number(field('threshold')),
      aggregation: field('timeAggregation'),
      windowSize: field('windowSize'),
    };
  }
  return rules;
}

const alert = (ctx, name) => {
  const alerts = ctx.instances(
    'monitoring',
    'azurerm_monitor_metric_alert',
    'this',
  );
  assert.ok(
    alerts[name],
    `no metric alert rule "${name}" (rules: ${Object.keys(alerts).join(', ')})`,
  );
  return alerts[name];
};

const expectAlert = (ctx, name, want) => {
  const rule = alert(ctx, name);
  const criteria = first(rule, 'criteria');
  assert.equal(rule.name, name);
  assert.deepEqual(rule.scopes.map(expr), [want.scope], `${name}: scope`);
  assert.equal(
    criteria.metric_namespace,
    want.namespace,
    `${name}: metric namespace`,
  );
  assert.equal(criteria.metric_name, want.metric, `${name}: metric`);
  assert.equal(criteria.aggregation, want.aggregation, `${name}: aggregation`);
  assert.equal(criteria.operator, 'GreaterThan', `${name}: operator`);
  assert.equal(criteria.threshold, want.threshold, `${name}: threshold`);
  assert.equal(rule.severity, want.severity, `${name}: severity`);
  assert.equal(rule.window_size, want.window, `${name}: window`);
  assert.ok(
    isRef(
      first(rule, 'action').action_group_id,
      'azurerm_monitor_action_group.this.id',
    ),
    `${name}: the action group`,
  );
};

const settings = [
  // --- networking -----------------------------------------------------------
  {
    id: 'vnet-address-space',
    description: 'VNet 10.0.0.0/16',
    check(ctx) {
      const vnet = ctx.resource(
        'networking',
        'azurerm_virtual_network',
        'this',
      );
      assert.deepEqual(vnet.address_space, ['10.0.0.0/16']);
    },
  },
  {
    id: 'app-subnet',
    description: 'snet-app 10.0.1.0/24',
    check(ctx) {
      const subnet = ctx.resource('networking', 'azurerm_subnet', 'app');
      assert.equal(subnet.name, 'snet-app');
      assert.deepEqual(subnet.address_prefixes, ['10.0.1.0/24']);
    },
  },
  {
    id: 'app-subnet-delegation',
    description: 'snet-app delegated to Microsoft.Web/serverFarms',
    check(ctx) {
      const subnet = ctx.resource('networking', 'azurerm_subnet', 'app');
      const delegation = first(
        first(subnet, 'delegation'),
        'service_delegation',
      );
      assert.equal(delegation.name, 'Microsoft.Web/serverFarms');
    },
  },
  {
    id: 'database-subnet',
    description: 'snet-database 10.0.2.0/24',
    check(ctx) {
      const subnet = ctx.resource('networking', 'azurerm_subnet', 'database');
      assert.equal(subnet.name, 'snet-database');
      assert.deepEqual(subnet.address_prefixes, ['10.0.2.0/24']);
    },
  },
  {
    id: 'database-subnet-delegation',
    description:
      'snet-database delegated to Microsoft.DBforPostgreSQL/flexibleServers',
    check(ctx) {
      const subnet = ctx.resource('networking', 'azurerm_subnet', 'database');
      const delegation = first(
        first(subnet, 'delegation'),
        'service_delegation',
      );
      assert.equal(
        delegation.name,
        'Microsoft.DBforPostgreSQL/flexibleServers',
      );
    },
  },
  {
    id: 'nsg-postgresql-from-app-only',
    description: 'NSG on snet-database allows 5432 only from the app subnet',
    check(ctx) {
      const nsg = ctx.resource(
        'networking',
        'azurerm_network_security_group',
        'database',
      );
      const rules = nsg.security_rule ?? [];
      const inbound5432 = rules.filter(
        r =>
          r.direction === 'Inbound' &&
          ['5432', '*'].includes(r.destination_port_range),
      );
      const allows = inbound5432.filter(r => r.access === 'Allow');
      assert.equal(allows.length, 1, 'exactly one inbound rule may allow 5432');
      assert.equal(
        allows[0].source_address_prefix,
        '10.0.1.0/24',
        'the allow rule admits the app subnet only',
      );
      assert.ok(['Tcp', '*'].includes(allows[0].protocol));
      const deny = inbound5432.find(
        r => r.access === 'Deny' && r.source_address_prefix === '*',
      );
      assert.ok(deny, 'a rule denies 5432 from everywhere else');
      assert.ok(
        deny.priority > allows[0].priority,
        'the deny rule comes after the allow rule',
      );
      assert.ok(
        deny.priority < 65000,
        'the deny rule comes before the default VnetInBound rule',
      );
      const association = ctx.resource(
        'networking',
        'azurerm_subnet_network_security_group_association',
        'database',
      );
      assert.ok(isRef(association.subnet_id, 'azurerm_subnet.database.id'));
      assert.ok(
        isRef(
          association.network_security_group_id,
          'azurerm_network_security_group.database.id',
        ),
      );
    },
  },
  {
    id: 'postgresql-private-dns-zone',
    description:
      'private DNS zone privatelink.postgres.database.azure.com linked to the VNet',
    check(ctx) {
      const zone = ctx.resource(
        'networking',
        'azurerm_private_dns_zone',
        'postgresql',
      );
      assert.equal(zone.name, 'privatelink.postgres.database.azure.com');
      const link = ctx.resource(
        'networking',
        'azurerm_private_dns_zone_virtual_network_link',
        'postgresql',
      );
      assert.ok(
        isRef(link.virtual_network_id, 'azurerm_virtual_network.this.id'),
      );
      assert.ok(
        isRef(
          link.private_dns_zone_name,
          'azurerm_private_dns_zone.postgresql.name',
        ),
      );
    },
  },
  // --- app service ------------------------------------------------------------
  {
    id: 'plan-linux-b1',
    description: 'Linux App Service plan B1',
    check(ctx) {
      const plan = ctx.resource('app_service', 'azurerm_service_plan', 'this');
      assert.equal(plan.os_type, 'Linux');
      assert.equal(plan.sku_name, 'B1');
    },
  },
  {
    id: 'web-app-https-only',
    description: 'web app HTTPS only',
    check(ctx) {
      assert.equal(
        ctx.resource('app_service', 'azurerm_linux_web_app', 'this').https_only,
        true,
      );
    },
  },
  {
    id: 'web-app-health-check',
    description: '/health health check with its eviction time',
    check(ctx) {
      const site = first(
        ctx.resource('app_service', 'azurerm_linux_web_app', 'this'),
        'site_config',
      );
      assert.equal(site.health_check_path, '/health');
      assert.equal(
        typeof site.health_check_eviction_time_in_min,
        'number',
        'azurerm 4.x needs the eviction time with health_check_path',
      );
      assert.ok(
        site.health_check_eviction_time_in_min >= 2 &&
          site.health_check_eviction_time_in_min <= 10,
      );
    },
  },
  {
    id: 'web-app-identity',
    description: 'system-assigned identity',
    check(ctx) {
      const identity = first(
        ctx.resource('app_service', 'azurerm_linux_web_app', 'this'),
        'identity',
      );
      assert.equal(identity.type, 'SystemAssigned');
    },
  },
  {
    id: 'web-app-vnet-integration',
    description: 'VNet integration on snet-app (virtual_network_subnet_id)',
    check(ctx) {
      const app = ctx.resource('app_service', 'azurerm_linux_web_app', 'this');
      assert.ok(
        isRef(app.virtual_network_subnet_id, 'module.networking.app_subnet_id'),
        `virtual_network_subnet_id is ${app.virtual_network_subnet_id}`,
      );
      assert.equal(
        expr(ctx.output('networking', 'app_subnet_id').value),
        '${azurerm_subnet.app.id}',
      );
    },
  },
  {
    id: 'web-app-vnet-route-all',
    description: 'vnet_route_all_enabled',
    check(ctx) {
      const site = first(
        ctx.resource('app_service', 'azurerm_linux_web_app', 'this'),
        'site_config',
      );
      assert.equal(site.vnet_route_all_enabled, true);
    },
  },
  {
    id: 'web-app-key-vault-references',
    description: 'secret app settings are Key Vault references',
    check(ctx) {
      const plain = ctx.input('app_service', 'app_settings');
      for (const key of Object.keys(plain))
        assert.ok(
          !/PASSWORD|SECRET|CONNECTION_STRING|_KEY$/i.test(key),
          `app setting ${key} looks secret: put it in key_vault_secret_settings`,
        );
      const secret = ctx.input('app_service', 'key_vault_secret_settings');
      assert.ok(
        isRef(
          secret.PGPASSWORD,
          'module.database.administrator_password_secret_id',
        ),
      );
      assert.ok(
        secret.APPLICATIONINSIGHTS_CONNECTION_STRING instanceof Unknown,
      );
      assert.match(
        expr(secret.APPLICATIONINSIGHTS_CONNECTION_STRING),
        /^module\.key_vault\.secret_ids\[/,
      );
      const template = JSON.stringify(
        ctx.rawLocal('app_service', 'key_vault_reference_settings'),
      );
      assert.match(
        template,
        /@Microsoft\.KeyVault\(SecretUri=\$\{secret_id\}\)/,
      );
      assert.equal(
        expr(
          ctx.raw('app_service', 'azurerm_linux_web_app', 'this').app_settings,
        ),
        '${local.app_settings}',
      );
      const role = ctx.resource(
        'app_service',
        'azurerm_role_assignment',
        'key_vault_secrets_user',
      );
      assert.equal(role.role_definition_name, 'Key Vault Secrets User');
    },
  },
  {
    id: 'web-app-tls-1-2',
    description: 'TLS 1.2 minimum',
    check(ctx) {
      const site = first(
        ctx.resource('app_service', 'azurerm_linux_web_app', 'this'),
        'site_config',
      );
      assert.equal(site.minimum_tls_version, '1.2');
      assert.equal(site.scm_minimum_tls_version, '1.2');
    },
  },
  {
    id: 'web-app-ftps-off',
    description: 'FTPS off',
    check(ctx) {
      const app = ctx.resource('app_service', 'azurerm_linux_web_app', 'this');
      assert.equal(first(app, 'site_config').ftps_state, 'Disabled');
      assert.equal(app.ftp_publish_basic_authentication_enabled, false);
    },
  },
  {
    id: 'web-app-node-22-lts',
    description: 'Node 22-lts (Node 20 reached end of life on 2026-04-30)',
    check(ctx) {
      const site = first(
        ctx.resource('app_service', 'azurerm_linux_web_app', 'this'),
        'site_config',
      );
      assert.equal(first(site, 'application_stack').node_version, '22-lts');
      const readme = fs.readFileSync(
        path.join(ctx.root, 'modules/app-service/README.md'),
        'utf8',
      );
      assert.match(readme, /22-lts/);
      assert.match(readme, /Node 20[^\n]*end of life[^\n]*2026-04-30/i);
    },
  },
  // --- database ---------------------------------------------------------------
  {
    id: 'postgresql-15',
    description: 'PostgreSQL Flexible Server 15',
    check(ctx) {
      assert.equal(
        ctx.resource('database', 'azurerm_postgresql_flexible_server', 'this')
          .version,
        '15',
      );
    },
  },
  {
    id: 'postgresql-b1ms',
    description: 'B_Standard_B1ms',
    check(ctx) {
      assert.equal(
        ctx.resource('database', 'azurerm_postgresql_flexible_server', 'this')
          .sku_name,
        'B_Standard_B1ms',
      );
    },
  },
  {
    id: 'postgresql-32gb',
    description: '32 GB storage',
    check(ctx) {
      assert.equal(
        ctx.resource('database', 'azurerm_postgresql_flexible_server', 'this')
          .storage_mb,
        32768,
      );
    },
  },
  {
    id: 'postgresql-backups',
    description: '7-day backups, no geo-redundant backup',
    check(ctx) {
      const server = ctx.resource(
        'database',
        'azurerm_postgresql_flexible_server',
        'this',
      );
      assert.equal(server.backup_retention_days, 7);
      assert.equal(server.geo_redundant_backup_enabled, false);
    },
  },
  {
    id: 'postgresql-delegated-subnet',
    description: 'server in the delegated subnet',
    check(ctx) {
      const server = ctx.resource(
        'database',
        'azurerm_postgresql_flexible_server',
        'this',
      );
      assert.ok(
        isRef(
          server.delegated_subnet_id,
          'module.networking.database_subnet_id',
        ),
        `delegated_subnet_id is ${server.delegated_subnet_id}`,
      );
      assert.equal(
        expr(ctx.output('networking', 'database_subnet_id').value),
        '${azurerm_subnet.database.id}',
      );
    },
  },
  {
    id: 'postgresql-private-dns',
    description:
      'server resolved through the private DNS zone linked to the VNet',
    check(ctx) {
      const server = ctx.resource(
        'database',
        'azurerm_postgresql_flexible_server',
        'this',
      );
      assert.ok(
        isRef(
          server.private_dns_zone_id,
          'module.networking.postgresql_private_dns_zone_id',
        ),
      );
      const output = ctx.output('networking', 'postgresql_private_dns_zone_id');
      assert.equal(output.value, '${azurerm_private_dns_zone.postgresql.id}');
      assert.deepEqual(
        output.depends_on,
        ['${azurerm_private_dns_zone_virtual_network_link.postgresql}'],
        'the zone id is handed out only once the zone is linked',
      );
    },
  },
  {
    id: 'postgresql-no-public-access',
    description:
      'public_network_access_enabled = false (4.x defaults it to true)',
    check(ctx) {
      assert.equal(
        ctx.resource('database', 'azurerm_postgresql_flexible_server', 'this')
          .public_network_access_enabled,
        false,
      );
    },
  },
  {
    id: 'postgresql-password-write-only',
    description:
      'admin password write-only (never in state), stored in Key Vault',
    check(ctx) {
      const server = ctx.raw(
        'database',
        'azurerm_postgresql_flexible_server',
        'this',
      );
      assert.ok(
        !('administrator_password' in server),
        'administrator_password would put the password in state',
      );
      assert.equal(
        server.administrator_password_wo,
        '${ephemeral.random_password.administrator.result}',
      );
      assert.ok(server.administrator_password_wo_version);
      ctx.raw('database', 'random_password', 'administrator', 'ephemeral');
      const secret = ctx.raw(
        'database',
        'azurerm_key_vault_secret',
        'administrator_password',
      );
      assert.ok(!('value' in secret));
      assert.equal(
        secret.value_wo,
        '${ephemeral.random_password.administrator.result}',
      );
      assert.equal(
        secret.value_wo_version,
        server.administrator_password_wo_version,
        'server and secret rotate together',
      );
      assert.ok(
        isRef(ctx.input('database', 'key_vault_id'), 'module.key_vault.id'),
      );
    },
  },
  // --- storage ------------------------------------------------------------------
  {
    id: 'storage-lrs',
    description: 'Storage LRS',
    check(ctx) {
      const account = ctx.resource(
        'storage',
        'azurerm_storage_account',
        'this',
      );
      assert.equal(account.account_replication_type, 'LRS');
      assert.equal(account.account_tier, 'Standard');
    },
  },
  {
    id: 'storage-https-tls',
    description: 'HTTPS only, TLS 1.2',
    check(ctx) {
      const account = ctx.resource(
        'storage',
        'azurerm_storage_account',
        'this',
      );
      assert.equal(account.https_traffic_only_enabled, true);
      assert.equal(account.min_tls_version, 'TLS1_2');
      assert.equal(account.allow_nested_items_to_be_public, false);
    },
  },
  {
    id: 'storage-versioning-retention',
    description: 'blob versioning, 7-day delete retention',
    check(ctx) {
      const blob = first(
        ctx.resource('storage', 'azurerm_storage_account', 'this'),
        'blob_properties',
      );
      assert.equal(blob.versioning_enabled, true);
      assert.equal(first(blob, 'delete_retention_policy').days, 7);
      assert.equal(first(blob, 'container_delete_retention_policy').days, 7);
    },
  },
  {
    id: 'storage-network-deny',
    description: 'network rules deny by default',
    check(ctx) {
      const rules = first(
        ctx.resource('storage', 'azurerm_storage_account', 'this'),
        'network_rules',
      );
      assert.equal(rules.default_action, 'Deny');
      assert.deepEqual(ctx.input('storage', 'allowed_subnet_ids').map(expr), [
        'module.networking.app_subnet_id',
      ]);
    },
  },
  {
    id: 'storage-container',
    description: 'container mindful-images by storage_account_id (4.x)',
    check(ctx) {
      const container = ctx.resource(
        'storage',
        'azurerm_storage_container',
        'images',
      );
      assert.equal(container.name, 'mindful-images');
      assert.ok(
        isRef(container.storage_account_id, 'azurerm_storage_account.this.id'),
      );
      assert.ok(!('storage_account_name' in container));
      assert.equal(container.container_access_type, 'private');
    },
  },
  {
    id: 'storage-blob-data-contributor',
    description: 'Storage Blob Data Contributor for the app identity',
    check(ctx) {
      const roles = ctx.instances(
        'storage',
        'azurerm_role_assignment',
        'blob_data_contributor',
      );
      assert.ok(roles.app, 'a role assignment for the app');
      assert.equal(
        roles.app.role_definition_name,
        'Storage Blob Data Contributor',
      );
      assert.ok(
        isRef(roles.app.principal_id, 'module.app_service.principal_id'),
      );
      assert.ok(isRef(roles.app.scope, 'azurerm_storage_account.this.id'));
    },
  },
  // --- monitoring -----------------------------------------------------------------
  {
    id: 'log-analytics',
    description: 'Log Analytics PerGB2018, 30 days',
    check(ctx) {
      const workspace = ctx.resource(
        'monitoring',
        'azurerm_log_analytics_workspace',
        'this',
      );
      assert.equal(workspace.sku, 'PerGB2018');
      assert.equal(workspace.retention_in_days, 30);
    },
  },
  {
    id: 'application-insights',
    description: 'Application Insights on the workspace, 5 GB daily cap',
    check(ctx) {
      const insights = ctx.resource(
        'monitoring',
        'azurerm_application_insights',
        'this',
      );
      assert.ok(
        isRef(insights.workspace_id, 'azurerm_log_analytics_workspace.this.id'),
      );
      assert.equal(insights.daily_data_cap_in_gb, 5);
    },
  },
  // --- key vault ------------------------------------------------------------------
  {
    id: 'key-vault-rbac',
    description:
      'Key Vault with RBAC authorization (rbac_authorization_enabled)',
    check(ctx) {
      const vault = ctx.resource('key_vault', 'azurerm_key_vault', 'this');
      assert.equal(vault.rbac_authorization_enabled, true);
      assert.ok(!('enable_rbac_authorization' in vault));
      assert.ok(!('access_policy' in vault), 'no access policies with RBAC');
    },
  },
  {
    id: 'key-vault-soft-delete',
    description: 'soft delete (7 days) and purge protection',
    check(ctx) {
      const vault = ctx.resource('key_vault', 'azurerm_key_vault', 'this');
      assert.equal(vault.soft_delete_retention_days, 7);
      assert.equal(vault.purge_protection_enabled, true);
    },
  },
  {
    id: 'key-vault-network-acls',
    description: 'network ACLs deny by default',
    check(ctx) {
      const acls = first(
        ctx.resource('key_vault', 'azurerm_key_vault', 'this'),
        'network_acls',
      );
      assert.equal(acls.default_action, 'Deny');
      assert.equal(acls.bypass, 'AzureServices');
    },
  },
  {
    id: 'key-vault-database-secrets',
    description: 'secrets for the database in Key Vault',
    check(ctx) {
      const secret = ctx.resource(
        'database',
        'azurerm_key_vault_secret',
        'administrator_password',
      );
      assert.ok(isRef(secret.key_vault_id, 'module.key_vault.id'));
      assert.equal(secret.name, 'postgresql-administrator-password');
      assert.deepEqual(
        ctx.output('key_vault', 'id').depends_on,
        ['${azurerm_role_assignment.secrets_officer}'],
        'secrets are written only after the deployer may write them',
      );
    },
  },
  // --- alerts ---------------------------------------------------------------------
  {
    id: 'alert-high-response-time',
    description: 'response time over 5 s Sev2',
    check(ctx) {
      expectAlert(ctx, 'alert-high-response-time', {
        scope: 'module.app_service.id',
        namespace: 'Microsoft.Web/sites',
        metric: 'HttpResponseTime',
        aggregation: 'Average',
        threshold: 5,
        severity: 2,
        window: 'PT5M',
      });
    },
  },
  {
    id: 'alert-http-5xx',
    description: 'Http5xx over 10 Sev1',
    check(ctx) {
      expectAlert(ctx, 'alert-http-5xx', {
        scope: 'module.app_service.id',
        namespace: 'Microsoft.Web/sites',
        metric: 'Http5xx',
        aggregation: 'Total',
        threshold: 10,
        severity: 1,
        window: 'PT5M',
      });
    },
  },
  {
    id: 'alert-db-connection-failures',
    description: 'PostgreSQL connections_failed over 5 Sev1',
    check(ctx) {
      expectAlert(ctx, 'alert-db-connection-failures', {
        scope: 'module.database.id',
        namespace: 'Microsoft.DBforPostgreSQL/flexibleServers',
        metric: 'connections_failed',
        aggregation: 'Total',
        threshold: 5,
        severity: 1,
        window: 'PT5M',
      });
    },
  },
  {
    id: 'alert-high-cpu',
    description: 'CPU over 80 % Sev2',
    check(ctx) {
      expectAlert(ctx, 'alert-high-cpu', {
        scope: 'module.app_service.plan_id',
        namespace: 'Microsoft.Web/serverfarms',
        metric: 'CpuPercentage',
        aggregation: 'Average',
        threshold: 80,
        severity: 2,
        window: 'PT15M',
      });
    },
  },
  {
    id: 'alert-high-memory',
    description: 'memory over 85 % Sev2',
    check(ctx) {
      expectAlert(ctx, 'alert-high-memory', {
        scope: 'module.app_service.plan_id',
        namespace: 'Microsoft.Web/serverfarms',
        metric: 'MemoryPercentage',
        aggregation: 'Average',
        threshold: 85,
        severity: 2,
        window: 'PT15M',
      });
    },
  },
  {
    id: 'alerts-match-emulator',
    description:
      "alert names, metrics, thresholds and windows equal the emulator's seeded rules",
    check(ctx) {
      const seeded = emulatorAlertRules();
      assert.ok(
        Object.keys(seeded).length >= 4,
        'the emulator seeds its rules',
      );
      for (const [name, rule] of Object.entries(seeded)) {
        const criteria = first(alert(ctx, name), 'criteria');
        const ours = alert(ctx, name);
        assert.equal(criteria.metric_name, rule.metric, `${name}: metric`);
        assert.equal(
          criteria.metric_namespace,
          rule.namespace,
          `${name}: namespace`,
        );
        assert.equal(criteria.operator, rule.operator, `${name}: operator`);
        assert.equal(criteria.threshold, rule.threshold, `${name}: threshold`);
        assert.equal(
          criteria.aggregation,
          rule.aggregation,
          `${name}: aggregation`,
        );
        assert.equal(ours.window_size, rule.windowSize, `${name}: window`);
        assert.equal(ours.severity, rule.severity, `${name}: severity`);
      }
    },
  },
  // --- action group -------------------------------------------------------------------
  {
    id: 'action-group-email',
    description: 'action group e-mails (common alert schema)',
    check(ctx) {
      const group = ctx.raw(
        'monitoring',
        'azurerm_monitor_action_group',
        'this',
      );
      const email = group.dynamic?.email_receiver?.[0];
      assert.ok(email, 'an email_receiver per address');
      assert.equal(email.for_each, '${toset(var.alert_emails)}');
      assert.equal(email.content[0].use_common_alert_schema, true);
      assert.equal(
        ctx.rawInput('monitoring', 'alert_emails'),
        '${var.alert_emails}',
      );
    },
  },
  {
    id: 'action-group-control-center-webhook',
    description:
      'the Control Center webhook: /api/sre-control-center/webhooks/azure-monitor, common alert schema, token from a sensitive variable or aad_auth',
    check(ctx) {
      const group = ctx.raw(
        'monitoring',
        'azurerm_monitor_action_group',
        'this',
      );
      const webhook = (group.webhook_receiver ?? []).find(
        w => w.name === 'sre-control-center',
      );
      assert.ok(webhook, 'a webhook receiver named sre-control-center');
      assert.equal(webhook.use_common_alert_schema, true);
      assert.equal(webhook.service_uri, '${local.control_center_webhook_uri}');
      assert.ok(webhook.dynamic?.aad_auth, 'aad_auth for the secure webhook');
      const uri = JSON.stringify(
        ctx.rawLocal('monitoring', 'control_center_webhook_uri'),
      );
      assert.ok(
        uri.includes('/api/sre-control-center/webhooks/azure-monitor'),
        uri,
      );
      const query = JSON.stringify(
        ctx.rawLocal('monitoring', 'control_center_query'),
      );
      assert.ok(
        query.includes('token=${urlencode(var.control_center_webhook_token)}'),
        query,
      );
      assert.equal(
        ctx.variable('monitoring', 'control_center_webhook_token').sensitive,
        true,
      );
      assert.equal(
        ctx.variable('env', 'control_center_webhook_token').sensitive,
        true,
      );
      assert.equal(
        ctx.rawInput('monitoring', 'control_center_webhook_token'),
        '${var.control_center_webhook_token}',
      );
    },
  },
  // --- budget -------------------------------------------------------------------------
  {
    id: 'budget-120',
    description:
      'resource-group budget of 120 a month named budget-mindful-moments-dev',
    check(ctx) {
      const budget = ctx.resource(
        'budget',
        'azurerm_consumption_budget_resource_group',
        'this',
      );
      assert.equal(budget.amount, 120);
      assert.equal(budget.time_grain, 'Monthly');
      assert.equal(budget.name, catalogResources().budget);
      assert.ok(
        isRef(budget.resource_group_id, 'azurerm_resource_group.this.id'),
      );
    },
  },
  {
    id: 'budget-notifications',
    description:
      'notifications at 80 % and 100 % actual and 100 % forecasted to the e-mails and the action group',
    check(ctx) {
      const notifications = ctx.local('budget', 'notifications');
      const seen = Object.values(notifications)
        .map(n => `${n.threshold_type} ${n.threshold}`)
        .sort();
      assert.deepEqual(seen, ['Actual 100', 'Actual 80', 'Forecasted 100']);
      const content = ctx.raw(
        'budget',
        'azurerm_consumption_budget_resource_group',
        'this',
      ).dynamic.notification[0];
      assert.equal(content.for_each, '${local.notifications}');
      assert.equal(content.content[0].contact_emails, '${var.contact_emails}');
      assert.deepEqual(content.content[0].contact_groups, [
        '${var.action_group_id}',
      ]);
      assert.ok(
        isRef(
          ctx.input('budget', 'action_group_id'),
          'module.monitoring.action_group_id',
        ),
      );
    },
  },
  // --- SRE agent ----------------------------------------------------------------------
  {
    id: 'sre-agent-roles',
    description:
      'agent identity with Monitoring Reader, Log Analytics Reader, Contributor on the resource group',
    check(ctx) {
      const roles = ctx.instances(
        'sre_agent',
        'azurerm_role_assignment',
        'agent',
      );
      assert.deepEqual(Object.keys(roles).sort(), [
        'Contributor',
        'Log Analytics Reader',
        'Monitoring Reader',
      ]);
      for (const role of Object.values(roles)) {
        assert.ok(
          isRef(role.scope, 'azurerm_resource_group.this.id'),
          'scoped to the resource group',
        );
        assert.ok(
          isRef(
            role.principal_id,
            'azurerm_user_assigned_identity.agent.principal_id',
          ),
        );
      }
    },
  },
  {
    id: 'sre-agent-resource',
    description:
      'the agent is Microsoft.App/agents through azapi_resource (schema validation off)',
    check(ctx) {
      const agent = ctx.resource('sre_agent', 'azapi_resource', 'agent');
      assert.equal(agent.type, 'Microsoft.App/agents@2026-01-01');
      assert.equal(agent.schema_validation_enabled, false);
      assert.ok(isRef(agent.parent_id, 'azurerm_resource_group.this.id'));
    },
  },
  {
    id: 'sre-agent-review-mode',
    description: 'mode Review, so infrastructure actions need approval',
    check(ctx) {
      const agent = ctx.resource('sre_agent', 'azapi_resource', 'agent');
      assert.equal(agent.body.properties.actionConfiguration.mode, 'Review');
    },
  },
  {
    id: 'sre-agent-azure-monitor',
    description: 'incident platform Azure Monitor',
    check(ctx) {
      const agent = ctx.resource('sre_agent', 'azapi_resource', 'agent');
      assert.equal(
        agent.body.properties.incidentManagementConfiguration.type,
        'AzMonitor',
      );
    },
  },
  {
    id: 'sre-agent-runbook-file',
    description: 'the agent reads the shared runbook file',
    check(ctx) {
      assert.equal(
        ctx.rawLocal('sre_agent', 'runbook_file'),
        '${yamldecode(file(var.runbooks_file))}',
      );
      assert.equal(
        ctx.rawInput('sre_agent', 'runbooks_file'),
        '${local.runbooks_file}',
      );
      const written = ctx.rawLocal('env', 'runbooks_file');
      assert.ok(written.startsWith('${path.module}/'), written);
      const file = path.resolve(
        ctx.root,
        'environments/dev',
        written.replace('${path.module}/', ''),
      );
      assert.equal(file, path.join(ctx.root, 'sre-agent', 'runbooks.yaml'));
      assert.ok(fs.existsSync(file), file);
    },
  },
  // --- communication ----------------------------------------------------------------
  {
    id: 'communication-service',
    description:
      'Communication Services, data location Europe, with its ids, endpoint and a sensitive connection string',
    check(ctx) {
      const acs = ctx.resource(
        'communication',
        'azurerm_communication_service',
        'this',
      );
      assert.equal(acs.data_location, 'Europe');
      for (const name of [
        'id',
        'name',
        'hostname',
        'endpoint',
        'immutable_resource_id',
        'primary_connection_string',
        'caller_phone_number',
      ])
        assert.ok(ctx.output('communication', name), `output ${name}`);
      assert.equal(
        ctx.output('communication', 'primary_connection_string').sensitive,
        true,
      );
    },
  },
  // --- environment --------------------------------------------------------------------
  {
    id: 'names-from-catalog',
    description:
      'resource names as the catalog gets them (outputs.json), resource group and budget as in catalog-info.yaml',
    check(ctx) {
      const names = ctx.local('env', 'names');
      const catalog = catalogResources();
      const expected = {
        app_service: 'azure-app-service',
        app_service_plan: 'azure-app-service-plan',
        postgresql: 'azure-postgresql-flexible-server',
        storage_account: 'azure-storage-account',
        key_vault: 'azure-key-vault',
        log_analytics: 'azure-log-analytics-workspace',
        app_insights: 'azure-application-insights',
      };
      for (const [key, type] of Object.entries(expected)) {
        assert.ok(
          catalog.resources[names[key]],
          `${names[key]} is a Resource of sre_control_center_resources`,
        );
        assert.equal(catalog.resources[names[key]].type, type);
      }
      assert.ok(
        catalog.resourceGroupId.endsWith(
          `/resourceGroups/${names.resource_group}`,
        ),
      );
      assert.equal(names.budget, catalog.budget);
    },
  },
  {
    id: 'provider-subscription',
    description:
      'provider with subscription_id and resource_provider_registrations; modules configure no provider',
    check(ctx) {
      const providers = ctx.env.providers.filter(p => p.name === 'azurerm');
      assert.equal(providers.length, 1);
      assert.equal(providers[0].body.subscription_id, '${var.subscription_id}');
      assert.ok(providers[0].body.resource_provider_registrations);
      for (const [rel, mod] of Object.entries(ctx.tree.modules))
        if (rel.startsWith('modules/'))
          assert.equal(mod.providers.length, 0, `${rel} configures a provider`);
    },
  },
  {
    id: 'backend-azure-storage',
    description:
      'backend.tf: remote state in Azure Storage with use_azuread_auth',
    check(ctx) {
      const file = ctx.env.files.find(f => f.file === 'backend.tf');
      assert.ok(file, 'environments/dev/backend.tf');
      const backend = file.parsed.terraform[0].backend.azurerm[0];
      assert.equal(backend.use_azuread_auth, true);
      for (const key of ['storage_account_name', 'container_name', 'key'])
        assert.ok(backend[key], key);
    },
  },
  {
    id: 'tfvars-example',
    description: 'terraform.tfvars.example committed, the real tfvars ignored',
    check(ctx) {
      assert.ok(
        fs.existsSync(
          path.join(ctx.root, 'environments/dev/terraform.tfvars.example'),
        ),
      );
      const ignore = fs.readFileSync(path.join(ctx.root, '.gitignore'), 'utf8');
      assert.match(ignore, /^\*\.tfvars$/m);
    },
  },
  {
    id: 'azurerm-4x',
    description: 'every module requires azurerm >= 4.x, < 5.0',
    check(ctx) {
      for (const [rel, mod] of Object.entries(ctx.tree.modules)) {
        const versions = mod.terraformBlocks
          .flatMap(t => t.body.required_providers ?? [])
          .map(p => p.azurerm?.version)
          .filter(Boolean);
        assert.equal(versions.length, 1, `${rel} declares azurerm once`);
        const constraint = versions[0];
        const lower = /(?:>=|~>)\s*4\.(\d+)/.exec(constraint);
        assert.ok(lower, `${rel}: ${constraint} has a 4.x lower bound`);
        assert.ok(
          /<\s*5\.0/.test(constraint) || constraint.startsWith('~> 4.'),
          `${rel}: ${constraint} stays below 5.0`,
        );
      }
    },
  },
];

module.exports = { settings, catalogResources, emulatorAlertRules };
