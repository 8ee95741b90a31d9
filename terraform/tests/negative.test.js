'use strict';
// Misconfigurations (the real files with one edit, in memory) fail the checks: the
// tests above would catch a regression, not just pass on today's files.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { settings } = require('../scripts/lib/settings');
const { checkSchema, checkReferences } = require('../scripts/lib/checks');
const { mutatedContext, mutatedTree } = require('./helpers');

const setting = id => {
  const found = settings.find(s => s.id === id);
  assert.ok(found, id);
  return found;
};

async function settingFails(id, edits, message) {
  const ctx = await mutatedContext(edits);
  assert.throws(() => setting(id).check(ctx), message);
}

async function schemaErrors(edits) {
  return checkSchema(await mutatedTree(edits)).errors;
}

async function referenceErrors(edits) {
  return checkReferences(await mutatedTree(edits)).errors;
}

const ENV_MAIN = 'environments/dev/main.tf';

test('B2 for B1 fails', () =>
  settingFails(
    'plan-linux-b1',
    [
      [
        ENV_MAIN,
        'sku_name                          = "B1"',
        'sku_name                          = "B2"',
      ],
    ],
    /B2/,
  ));

test('PostgreSQL public access on fails', () =>
  settingFails('postgresql-no-public-access', [
    [
      'modules/database/main.tf',
      'public_network_access_enabled = false',
      'public_network_access_enabled = true',
    ],
  ]));

test('a missing delegation on the database subnet fails', () =>
  settingFails(
    'database-subnet-delegation',
    [
      [
        'modules/networking/main.tf',
        /(resource "azurerm_subnet" "database" \{[\s\S]*?)\n  delegation \{[\s\S]*?\n  \}\n/,
        '$1\n',
      ],
    ],
    /delegation/,
  ));

test('the app subnet delegated elsewhere fails', () =>
  settingFails('app-subnet-delegation', [
    [
      'modules/networking/main.tf',
      'name    = "Microsoft.Web/serverFarms"',
      'name    = "Microsoft.ContainerInstance/containerGroups"',
    ],
  ]));

test('PostgreSQL open to the whole VNet fails', () =>
  settingFails('nsg-postgresql-from-app-only', [
    [
      'modules/networking/main.tf',
      'source_address_prefix      = var.app_subnet.address_prefix',
      'source_address_prefix      = "VirtualNetwork"',
    ],
  ]));

test('Node 20 fails (end of life)', () =>
  settingFails('web-app-node-22-lts', [
    [
      ENV_MAIN,
      'node_version                      = "22-lts"',
      'node_version                      = "20-lts"',
    ],
  ]));

test('Key Vault open by default fails', () =>
  settingFails('key-vault-network-acls', [
    [
      'modules/key-vault/main.tf',
      'default_action             = "Deny"',
      'default_action             = "Allow"',
    ],
  ]));

test('a plain administrator password fails', () =>
  settingFails('postgresql-password-write-only', [
    [
      'modules/database/main.tf',
      '  administrator_password_wo         = ephemeral.random_password.administrator.result\n',
      '  administrator_password            = "Passw0rd!"\n  administrator_password_wo         = ephemeral.random_password.administrator.result\n',
    ],
  ]));

test("a CPU threshold other than the emulator's fails", () =>
  settingFails(
    'alerts-match-emulator',
    [
      [
        'modules/monitoring/variables.tf',
        'cpu_percent                 = optional(number, 80)',
        'cpu_percent                 = optional(number, 90)',
      ],
    ],
    /threshold/,
  ));

test('a renamed alert rule fails (the portal and the runbooks use the names)', () =>
  settingFails(
    'alert-http-5xx',
    [
      [
        'modules/monitoring/locals.tf',
        '"alert-http-5xx" = {',
        '"alert-http-errors" = {',
      ],
    ],
    /alert-http-5xx/,
  ));

test('a webhook token that is not sensitive fails', () =>
  settingFails('action-group-control-center-webhook', [
    [
      'modules/monitoring/variables.tf',
      /(variable "control_center_webhook_token" \{[\s\S]*?)  sensitive   = true\n/,
      '$1',
    ],
  ]));

test('the agent in Autonomous mode fails', () =>
  settingFails('sre-agent-review-mode', [
    [
      ENV_MAIN,
      'mode                                   = "Review"',
      'mode                                   = "Autonomous"',
    ],
  ]));

test('a budget of 150 fails', () =>
  settingFails('budget-120', [
    [ENV_MAIN, 'amount            = 120', 'amount            = 150'],
  ]));

test('3.x name enable_rbac_authorization on the Key Vault fails the schema check', async () => {
  const errors = await schemaErrors([
    [
      'modules/key-vault/main.tf',
      'rbac_authorization_enabled = true',
      'enable_rbac_authorization = true',
    ],
  ]);
  assert.ok(
    errors.some(
      e =>
        e.includes('"enable_rbac_authorization"') &&
        e.includes('rbac_authorization_enabled'),
    ),
    errors.join('\n'),
  );
});

test('storage_account_name on a container fails the schema check', async () => {
  const errors = await schemaErrors([
    [
      'modules/storage/main.tf',
      'storage_account_id    = azurerm_storage_account.this.id',
      'storage_account_name  = azurerm_storage_account.this.name',
    ],
  ]);
  assert.ok(
    errors.some(
      e =>
        e.includes('"storage_account_name"') &&
        e.includes('storage_account_id'),
    ),
    errors.join('\n'),
  );
});

test('enable_https_traffic_only (removed in 4.0) fails the schema check', async () => {
  const errors = await schemaErrors([
    [
      'modules/storage/main.tf',
      'https_traffic_only_enabled       = true',
      'enable_https_traffic_only        = true',
    ],
  ]);
  assert.ok(
    errors.some(e =>
      e.includes('unknown argument "enable_https_traffic_only"'),
    ),
    errors.join('\n'),
  );
});

test('a typo in a nested block argument fails the schema check', async () => {
  const errors = await schemaErrors([
    [
      'modules/app-service/main.tf',
      'health_check_path                 =',
      'health_check_paht                 =',
    ],
  ]);
  assert.ok(
    errors.some(e =>
      e.includes('unknown argument "site_config.health_check_paht"'),
    ),
    errors.join('\n'),
  );
});

test('a missing required argument fails the schema check', async () => {
  const errors = await schemaErrors([
    ['modules/app-service/main.tf', '  os_type             = "Linux"\n', ''],
  ]);
  assert.ok(
    errors.some(e => e.includes('missing required argument "os_type"')),
    errors.join('\n'),
  );
});

test('an unknown or retired resource type fails the schema check', async () => {
  const unknown = await schemaErrors([
    [
      'modules/app-service/main.tf',
      'resource "azurerm_linux_web_app" "this"',
      'resource "azurerm_linux_webapp" "this"',
    ],
  ]);
  assert.ok(
    unknown.some(e =>
      e.includes('resource type azurerm_linux_webapp does not exist'),
    ),
    unknown.join('\n'),
  );
  const retired = await schemaErrors([
    [
      'modules/app-service/main.tf',
      'resource "azurerm_service_plan" "this"',
      'resource "azurerm_app_service_plan" "this"',
    ],
  ]);
  assert.ok(
    retired.some(e => e.includes('azurerm_app_service_plan is deprecated')),
    retired.join('\n'),
  );
});

test('an SRE agent body off the REST spec fails the structural check', async () => {
  const errors = await schemaErrors([
    [
      'modules/sre-agent/main.tf',
      'actionConfiguration = {',
      'actionConfig = {',
    ],
    [
      'modules/sre-agent/main.tf',
      'type           = "AzMonitor"',
      'type           = "AzureMonitor"',
    ],
  ]);
  assert.ok(
    errors.some(e =>
      e.includes('body.properties.actionConfig is not a property'),
    ),
    errors.join('\n'),
  );
  assert.ok(
    errors.some(e => e.includes('"AzureMonitor" is not one of')),
    errors.join('\n'),
  );
});

test('an undefined var. reference fails the reference check', async () => {
  const errors = await referenceErrors([
    [
      'modules/app-service/main.tf',
      'virtual_network_subnet_id = var.virtual_network_subnet_id',
      'virtual_network_subnet_id = var.subnet_id',
    ],
  ]);
  assert.ok(
    errors.some(e => e.includes('variable "subnet_id" is not declared')),
    errors.join('\n'),
  );
});

test('undefined local., module output and resource references fail', async () => {
  const errors = await referenceErrors([
    [
      'modules/monitoring/main.tf',
      'service_uri             = local.control_center_webhook_uri',
      'service_uri             = local.webhook_uri',
    ],
    [
      ENV_MAIN,
      'module.networking.app_subnet_id',
      'module.networking.app_subnet',
    ],
    [
      'modules/storage/main.tf',
      'storage_account_id    = azurerm_storage_account.this.id',
      'storage_account_id    = azurerm_storage_account.main.id',
    ],
  ]);
  assert.ok(
    errors.some(e => e.includes('local "webhook_uri" is not defined')),
    errors.join('\n'),
  );
  assert.ok(
    errors.some(e =>
      e.includes('module "networking" has no output "app_subnet"'),
    ),
    errors.join('\n'),
  );
  assert.ok(
    errors.some(e =>
      e.includes('resource azurerm_storage_account.main is not declared'),
    ),
    errors.join('\n'),
  );
});

test('a module input the module does not declare, or a missing required one, fails', async () => {
  const errors = await referenceErrors([
    [
      ENV_MAIN,
      'sku_name                          = "B1"',
      'sku                               = "B1"',
    ],
    [ENV_MAIN, '  key_vault_id          = module.key_vault.id\n', ''],
  ]);
  assert.ok(
    errors.some(e =>
      e.includes('passes "sku", which modules/app-service does not declare'),
    ),
    errors.join('\n'),
  );
  assert.ok(
    errors.some(e =>
      e.includes(
        'does not pass the required input "key_vault_id" of modules/database',
      ),
    ),
    errors.join('\n'),
  );
});
