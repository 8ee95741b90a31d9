'use strict';
/*
 * The offline stand-in for `terraform validate`: every block of every module
 * and environment under terraform/ checked against the azurerm 4.73 schema
 * (from @cdktn/provider-azurerm), the hand-written azapi/random argument
 * lists, and for references that resolve.
 */
const fs = require('node:fs');
const path = require('node:path');
const {
  loadModule,
  walkStrings,
  referencesIn,
  dynamicLabels,
} = require('./hcl');
const { loadAzurermSchema } = require('./azurerm-schema');

const DEPRECATED = require('./azurerm-deprecated.json');
const OTHER = require('./other-providers.json');

/** Meta-arguments Terraform accepts on every resource, data and ephemeral block. */
const META = new Set([
  'count',
  'for_each',
  'depends_on',
  'provider',
  'lifecycle',
  'provisioner',
  'connection',
]);

/** Every directory under `root` that holds `.tf` files, by path relative to root. */
function moduleDirs(root) {
  const found = [];
  const walk = dir => {
    const entries = fs.readdirSync(dir, { withFileTypes: true });
    if (entries.some(e => e.isFile() && e.name.endsWith('.tf')))
      found.push(path.relative(root, dir) || '.');
    for (const e of entries) {
      if (
        e.isDirectory() &&
        !e.name.startsWith('.') &&
        e.name !== 'node_modules'
      )
        walk(path.join(dir, e.name));
    }
  };
  walk(root);
  return found.sort();
}

/**
 * `{ root, modules: { 'modules/networking': mod, 'environments/dev': mod } }`;
 * `overlay` replaces file contents (absolute path => text).
 */
async function loadTree(root, overlay = {}) {
  const modules = {};
  for (const rel of moduleDirs(root))
    modules[rel] = await loadModule(path.join(root, rel), overlay);
  return { root, modules };
}

/** Resolves a module call's local `source` to a key of tree.modules. */
function resolveSource(tree, fromRel, source) {
  if (typeof source !== 'string' || !source.startsWith('.')) return undefined;
  return path.relative(tree.root, path.resolve(tree.root, fromRel, source));
}

const isBlockList = value =>
  Array.isArray(value) &&
  value.length > 0 &&
  value.every(item => item && typeof item === 'object' && !Array.isArray(item));

// --- Schema -----------------------------------------------------------------

/**
 * Checks names (and required arguments) of every azurerm resource, data
 * source and provider block, azapi and random blocks, and the azapi bodies.
 * Returns `{ errors, argumentsChecked, distinctArguments, blocksChecked,
 * resourceTypes, version }`.
 */
function checkSchema(tree) {
  const schema = loadAzurermSchema();
  const result = {
    errors: [],
    argumentsChecked: 0,
    distinctArguments: new Set(),
    blocksChecked: 0,
    resourceTypes: new Set(),
    bodyKeysChecked: 0,
    version: schema.version,
    package: schema.package,
  };

  const validate = (body, node, where, type, at, top) => {
    result.blocksChecked++;
    const present = new Set();
    for (const [key, value] of Object.entries(body)) {
      if (top && META.has(key)) continue;
      if (key === 'dynamic') {
        for (const [label, dynamics] of Object.entries(value)) {
          const arg = node.arguments[label];
          if (!arg) {
            result.errors.push(
              `${where}: unknown block "${[...at, label].join(
                '.',
              )}" (dynamic) in ${type} (azurerm ${schema.version})`,
            );
            continue;
          }
          present.add(label);
          count(type, [...at, label]);
          for (const dynamic of dynamics) {
            const content = dynamic.content?.[0];
            if (content && arg.nested)
              validate(content, arg.nested, where, type, [...at, label], false);
          }
        }
        continue;
      }
      const arg = node.arguments[key];
      const dotted = [...at, key].join('.');
      if (!arg) {
        result.errors.push(
          `${where}: unknown argument "${dotted}" in ${type} (azurerm ${schema.version})`,
        );
        continue;
      }
      present.add(key);
      count(type, [...at, key]);
      const replacement =
        DEPRECATED.deprecated[type]?.[dotted] ??
        DEPRECATED.policy[type]?.[dotted];
      if (replacement)
        result.errors.push(
          `${where}: "${dotted}" on ${type} is refused here (deprecated in azurerm 4.x or against policy); use ${replacement}`,
        );
      if (arg.nested && isBlockList(value))
        for (const item of value)
          validate(item, arg.nested, where, type, [...at, key], false);
    }
    for (const [name, arg] of Object.entries(node.arguments)) {
      if (arg.required && !present.has(name))
        result.errors.push(
          `${where}: missing required argument "${[...at, name].join(
            '.',
          )}" in ${type}`,
        );
    }
  };
  const count = (type, at) => {
    result.argumentsChecked++;
    result.distinctArguments.add(`${type}.${at.join('.')}`);
  };

  const validateListed = (body, spec, where, type) => {
    result.blocksChecked++;
    for (const [key, value] of Object.entries(body)) {
      if (META.has(key)) continue;
      if (spec.blocks[key]) {
        count(type, [key]);
        for (const item of isBlockList(value) ? value : [])
          for (const nested of Object.keys(item)) {
            if (!spec.blocks[key].includes(nested))
              result.errors.push(
                `${where}: unknown argument "${key}.${nested}" in ${type}`,
              );
            else count(type, [key, nested]);
          }
      } else if (spec.arguments.includes(key)) {
        count(type, [key]);
      } else {
        result.errors.push(`${where}: unknown argument "${key}" in ${type}`);
      }
    }
    for (const name of spec.required)
      if (!(name in body))
        result.errors.push(
          `${where}: missing required argument "${name}" in ${type}`,
        );
  };

  for (const [rel, mod] of Object.entries(tree.modules)) {
    const blocks = [
      ...mod.resources.map(r => ({ ...r, table: 'resources' })),
      ...mod.dataSources.map(r => ({ ...r, table: 'dataSources' })),
      ...mod.ephemerals.map(r => ({ ...r, table: 'ephemeral' })),
    ];
    for (const block of blocks) {
      const where = `${rel}/${block.file}: ${block.kind} "${block.type}" "${block.name}"`;
      result.resourceTypes.add(`${block.kind} ${block.type}`);
      if (block.type.startsWith('azurerm_') && block.kind !== 'ephemeral') {
        const node = schema[block.table][block.type];
        const retired =
          block.kind === 'resource' && DEPRECATED.resources[block.type];
        if (retired) {
          result.errors.push(
            `${where}: ${block.type} is deprecated in azurerm 4.x; use ${retired}`,
          );
          continue;
        }
        if (!node) {
          result.errors.push(
            `${where}: ${
              block.kind === 'data' ? 'data source' : 'resource type'
            } ${block.type} does not exist in azurerm ${schema.version}`,
          );
          continue;
        }
        validate(block.body, node, where, block.type, [], true);
      } else if (block.type.startsWith('azapi_')) {
        const spec = OTHER.azapi[block.table]?.[block.type];
        if (!spec) {
          result.errors.push(
            `${where}: unknown azapi ${block.kind} ${block.type}`,
          );
          continue;
        }
        validateListed(block.body, spec, where, block.type);
        checkAzapiBody(block, where, result);
      } else if (block.type.startsWith('random_')) {
        const spec = OTHER.random[block.table]?.[block.type];
        if (!spec) {
          result.errors.push(
            `${where}: unknown random ${block.kind} ${block.type}`,
          );
          continue;
        }
        validateListed(block.body, spec, where, block.type);
      } else {
        result.errors.push(
          `${where}: provider of ${block.type} is not one this stack declares (azurerm, azapi, random)`,
        );
      }
    }
    for (const provider of mod.providers) {
      const where = `${rel}/${provider.file}: provider "${provider.name}"`;
      if (provider.name === 'azurerm')
        validate(
          provider.body,
          schema.provider,
          where,
          'provider azurerm',
          [],
          false,
        );
    }
  }
  return result;
}

/** Structural check of an azapi body against the shape in other-providers.json. */
function checkAzapiBody(block, where, result) {
  const type = block.body.type;
  if (typeof type !== 'string') return;
  const [resourceType, apiVersion] = type.split('@');
  const spec = OTHER.bodies[resourceType];
  if (!spec) {
    result.errors.push(
      `${where}: no body shape known for ${resourceType}; add it to terraform/scripts/lib/other-providers.json`,
    );
    return;
  }
  if (
    apiVersion &&
    !apiVersion.includes('${') &&
    !spec.apiVersions.includes(apiVersion)
  )
    result.errors.push(
      `${where}: ${resourceType}@${apiVersion} is not an API version the body shape was written for (${spec.apiVersions.join(
        ', ',
      )})`,
    );
  const walk = (value, shape, at) => {
    if (value === null || value === undefined) return;
    if (typeof value === 'string' && value.includes('${')) return;
    if (shape === 'object') return;
    if (shape === 'string') {
      if (typeof value !== 'string')
        result.errors.push(`${where}: body ${at.join('.')} must be a string`);
      return;
    }
    if (shape && shape.enum) {
      if (typeof value === 'string' && !shape.enum.includes(value))
        result.errors.push(
          `${where}: body ${at.join(
            '.',
          )} = "${value}" is not one of ${shape.enum.join(', ')}`,
        );
      return;
    }
    if (Array.isArray(shape)) {
      if (Array.isArray(value))
        value.forEach((item, i) => walk(item, shape[0], [...at, i]));
      return;
    }
    if (typeof value !== 'object' || Array.isArray(value)) {
      result.errors.push(`${where}: body ${at.join('.')} must be an object`);
      return;
    }
    for (const [key, item] of Object.entries(value)) {
      result.bodyKeysChecked++;
      if (!(key in shape))
        result.errors.push(
          `${where}: body ${[...at, key].join(
            '.',
          )} is not a property of ${resourceType} (${spec.source})`,
        );
      else walk(item, shape[key], [...at, key]);
    }
  };
  for (const attribute of ['body', 'sensitive_body']) {
    const value = block.body[attribute];
    if (value && typeof value === 'object')
      walk(value, spec.shape, [attribute]);
  }
}

// --- References -------------------------------------------------------------

const BUILTIN_HEADS = new Set(['each', 'count', 'self', 'path', 'terraform']);

/**
 * Every reference names something that exists; every module input is
 * declared by the module; every required module input is passed.
 * Returns `{ errors, referencesChecked, moduleCallsChecked }`.
 */
function checkReferences(tree) {
  const result = { errors: [], referencesChecked: 0, moduleCallsChecked: 0 };
  for (const [rel, mod] of Object.entries(tree.modules)) {
    for (const dup of mod.duplicates)
      result.errors.push(`${rel}: ${dup} is declared twice`);
    const resources = new Set(mod.resources.map(r => `${r.type}.${r.name}`));
    const dataSources = new Set(
      mod.dataSources.map(r => `${r.type}.${r.name}`),
    );
    const ephemerals = new Set(mod.ephemerals.map(r => `${r.type}.${r.name}`));
    for (const { file, parsed } of mod.files) {
      const iterators = [...dynamicLabels(parsed)];
      walkStrings(parsed, value => {
        for (const ref of referencesIn(value, iterators)) {
          result.referencesChecked++;
          const where = `${rel}/${file}: ${ref.text}`;
          const [first, second] = ref.parts;
          switch (ref.head) {
            case 'var':
              if (!mod.variables[first])
                result.errors.push(
                  `${where}: variable "${first}" is not declared`,
                );
              break;
            case 'local':
              if (!mod.locals[first])
                result.errors.push(`${where}: local "${first}" is not defined`);
              break;
            case 'module': {
              const call = mod.modules[first];
              if (!call) {
                result.errors.push(
                  `${where}: module "${first}" is not called here`,
                );
                break;
              }
              const child =
                tree.modules[resolveSource(tree, rel, call.body.source)];
              if (child && second && !child.outputs[second])
                result.errors.push(
                  `${where}: module "${first}" has no output "${second}"`,
                );
              break;
            }
            case 'data':
              if (!dataSources.has(`${first}.${second}`))
                result.errors.push(
                  `${where}: data source ${first}.${second} is not declared`,
                );
              break;
            case 'ephemeral':
              if (!ephemerals.has(`${first}.${second}`))
                result.errors.push(
                  `${where}: ephemeral resource ${first}.${second} is not declared`,
                );
              break;
            default:
              if (BUILTIN_HEADS.has(ref.head)) break;
              if (/^[a-z0-9]+_[a-z0-9_]+$/.test(ref.head)) {
                if (!resources.has(`${ref.head}.${first}`))
                  result.errors.push(
                    `${where}: resource ${ref.head}.${first} is not declared`,
                  );
              } else {
                result.errors.push(
                  `${where}: "${ref.head}" is neither a resource, a module, a variable nor a local`,
                );
              }
          }
        }
      });
    }
    for (const [name, call] of Object.entries(mod.modules)) {
      result.moduleCallsChecked++;
      const where = `${rel}/${call.file}: module "${name}"`;
      const target = resolveSource(tree, rel, call.body.source);
      const child = tree.modules[target];
      if (!child) {
        result.errors.push(
          `${where}: source ${call.body.source} is not a module under terraform/`,
        );
        continue;
      }
      const passed = Object.keys(call.body).filter(
        key =>
          ![
            'source',
            'version',
            'providers',
            'count',
            'for_each',
            'depends_on',
          ].includes(key),
      );
      for (const key of passed)
        if (!child.variables[key])
          result.errors.push(
            `${where}: passes "${key}", which ${target} does not declare`,
          );
      for (const [varName, variable] of Object.entries(child.variables))
        if (!('default' in variable.body) && !passed.includes(varName))
          result.errors.push(
            `${where}: does not pass the required input "${varName}" of ${target}`,
          );
    }
  }
  return result;
}

module.exports = {
  loadTree,
  moduleDirs,
  resolveSource,
  checkSchema,
  checkReferences,
  META,
};
