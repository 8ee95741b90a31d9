'use strict';
/*
 * The azurerm 4.x schema, read offline from the provider bindings that
 * `@cdktn/provider-azurerm` generates from the provider's own schema
 * (16.x = azurerm 4.73). No provider can be downloaded here, so this is what
 * `terraform validate` would check argument names against.
 *
 * How the package is laid out (read before writing this):
 * - `lib/<kebab-name>/index.d.ts` per resource, `lib/data-azurerm-<name>/` per
 *   data source, `lib/provider/` for the provider block.
 * - The class carries `static readonly tfResourceType = "azurerm_x";`.
 * - Arguments are the properties of `export interface <X>Config extends
 *   cdktn.TerraformMetaArguments`; nested blocks are further interfaces in
 *   the same file (`<X>SiteConfig`, `<X>SiteConfigApplicationStack`, ...).
 * - Each property's doc comment links to the registry with the snake_case
 *   name after `#` (`.../linux_web_app#site_config LinuxWebApp#site_config`);
 *   a `?` after the property name marks it optional.
 * Deprecated arguments are still in the schema (e.g. `enable_rbac_authorization`
 * on azurerm_key_vault in 4.73): see deprecated-arguments.json next to this file.
 */
const fs = require('node:fs');
const path = require('node:path');

const PACKAGE = '@cdktn/provider-azurerm';

function packageDir() {
  return path.dirname(require.resolve(`${PACKAGE}/package.json`));
}

/**
 * Parses one bindings `index.d.ts` into its interfaces:
 * `{ name: { props: [{ name, optional, block, type }] , meta: boolean } }`.
 */
function parseDeclarations(text) {
  const interfaces = {};
  const lines = text.split('\n');
  let current;
  let pendingName;
  let pendingBlock = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const start = /^export interface (\w+)(?: extends ([\w.]+))? \{/.exec(line);
    if (start) {
      current = {
        props: [],
        meta: start[2] === 'cdktn.TerraformMetaArguments',
      };
      interfaces[start[1]] = current;
      pendingName = undefined;
      continue;
    }
    if (!current) continue;
    if (line === '}') {
      current = undefined;
      continue;
    }
    if (/^\s*\* [\w-]+ block$/.test(line)) pendingBlock = true;
    const link =
      /\{@link https:\/\/registry\.terraform\.io\/\S+#(\w+) \S+\}/.exec(line);
    if (link) pendingName = link[1];
    const prop = /^\s+readonly (\w+)(\?)?: (.*)$/.exec(line);
    if (prop && pendingName) {
      let type = prop[3];
      // Map types span lines: `{ [key: string]: string; };`
      if (type.trim() === '{') {
        while (i + 1 < lines.length && !/^\s+\};$/.test(lines[i])) {
          i++;
          type += lines[i];
        }
      }
      current.props.push({
        name: pendingName,
        optional: prop[2] === '?',
        block: pendingBlock,
        type,
      });
      pendingName = undefined;
      pendingBlock = false;
    }
  }
  return interfaces;
}

/** Turns the interfaces of one file into a nested schema starting at `root`. */
function toSchema(interfaces, root, seen = new Set()) {
  const schema = { arguments: {} };
  const iface = interfaces[root];
  if (!iface || seen.has(root)) return schema;
  const next = new Set(seen).add(root);
  for (const prop of iface.props) {
    const nestedName = (prop.type.match(/\b[A-Z]\w+\b/g) || []).find(
      id => id !== root && interfaces[id],
    );
    schema.arguments[prop.name] = {
      required: !prop.optional,
      block: prop.block,
      ...(nestedName && {
        nested: toSchema(interfaces, nestedName, next),
      }),
    };
  }
  return schema;
}

function readEntry(dir) {
  const file = path.join(dir, 'index.d.ts');
  if (!fs.existsSync(file)) return undefined;
  const text = fs.readFileSync(file, 'utf8');
  const interfaces = parseDeclarations(text);
  const type = /static readonly tfResourceType = "(\w+)";/.exec(text);
  const config = Object.keys(interfaces).find(
    name => interfaces[name].meta && name.endsWith('Config'),
  );
  if (!type || !config) return undefined;
  return { type: type[1], schema: toSchema(interfaces, config) };
}

let cached;

/**
 * `{ version, resources: {azurerm_x: schema}, dataSources: {...}, provider }`,
 * each schema `{ arguments: { name: { required, block, nested? } } }`.
 */
function loadAzurermSchema() {
  if (cached) return cached;
  const root = packageDir();
  const lib = path.join(root, 'lib');
  const resources = {};
  const dataSources = {};
  for (const entry of fs.readdirSync(lib, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name === 'provider') continue;
    const found = readEntry(path.join(lib, entry.name));
    if (!found) continue;
    if (entry.name.startsWith('data-azurerm-'))
      dataSources[found.type] = found.schema;
    else resources[found.type] = found.schema;
  }
  const providerText = fs.readFileSync(
    path.join(lib, 'provider', 'index.d.ts'),
    'utf8',
  );
  const provider = toSchema(
    parseDeclarations(providerText),
    'AzurermProviderConfig',
  );
  const sample = fs.readFileSync(
    path.join(lib, 'resource-group', 'index.js'),
    'utf8',
  );
  const version = /providerVersion: '([\d.]+)'/.exec(sample)?.[1];
  const pkg = JSON.parse(
    fs.readFileSync(path.join(root, 'package.json'), 'utf8'),
  );
  cached = {
    package: `${PACKAGE}@${pkg.version}`,
    version,
    resources,
    dataSources,
    provider,
  };
  return cached;
}

module.exports = { loadAzurermSchema, parseDeclarations };
