'use strict';
// The offline stand-in for `terraform validate`: names checked against the
// azurerm 4.73 schema shipped in @cdktn/provider-azurerm.
const { test, after } = require('node:test');
const assert = require('node:assert/strict');
const { loadAzurermSchema } = require('../scripts/lib/azurerm-schema');
const { checkSchema } = require('../scripts/lib/checks');
const { stack } = require('./helpers');

let result;
async function schemaResult() {
  result ??= checkSchema((await stack()).tree);
  return result;
}

test('the schema is read from the provider bindings (azurerm 4.73)', () => {
  const schema = loadAzurermSchema();
  assert.equal(schema.version, '4.73.0');
  assert.ok(Object.keys(schema.resources).length > 1000, 'every resource type');
  assert.ok(Object.keys(schema.dataSources).length > 300, 'every data source');
  const app = schema.resources.azurerm_linux_web_app.arguments;
  assert.ok(app.site_config.required && app.site_config.block);
  assert.ok(
    app.site_config.nested.arguments.application_stack.nested.arguments
      .node_version,
  );
  assert.ok(
    schema.resources.azurerm_key_vault.arguments.rbac_authorization_enabled,
  );
  assert.ok(
    !schema.resources.azurerm_storage_account.arguments
      .enable_https_traffic_only,
    'removed in 4.0',
  );
  assert.ok(schema.provider.arguments.features.nested.arguments.key_vault);
});

test('every resource type, argument and block name of terraform/ exists in azurerm 4.73', async () => {
  const { errors } = await schemaResult();
  assert.deepEqual(errors, []);
});

test('the azapi bodies have the shape of their REST spec', async () => {
  const { errors, bodyKeysChecked } = await schemaResult();
  assert.deepEqual(
    errors.filter(e => e.includes(' body ')),
    [],
  );
  assert.ok(bodyKeysChecked >= 10, `${bodyKeysChecked} body keys checked`);
});

after(async () => {
  const r = await schemaResult();
  console.log(
    `# ${r.package} (azurerm ${r.version}): ${r.resourceTypes.size} block types, ${r.blocksChecked} blocks, ` +
      `${r.argumentsChecked} argument and block names (${r.distinctArguments.size} distinct), ${r.bodyKeysChecked} azapi body keys checked`,
  );
});
