'use strict';
/*
 * The stack as the dev environment composes it: each module call with the
 * inputs the environment passes (evaluated where they are literals, locals
 * or variable defaults), so settings can be read the way Terraform would see
 * them, e.g. `ctx.resource('app_service', 'azurerm_service_plan', 'this').sku_name`.
 */
const path = require('node:path');
const { evaluate, moduleScope, moduleInputs, Unknown } = require('./hcl');
const { loadTree, resolveSource } = require('./checks');

const ENVIRONMENT = 'environments/dev';

async function buildContext(
  root = path.resolve(__dirname, '../..'),
  overlay = {},
) {
  const tree = await loadTree(root, overlay);
  const env = tree.modules[ENVIRONMENT];
  if (!env) throw new Error(`${root}: no ${ENVIRONMENT}`);
  const envScope = moduleScope(env, {});
  const calls = {};
  for (const [name, call] of Object.entries(env.modules)) {
    const rel = resolveSource(tree, ENVIRONMENT, call.body.source);
    const mod = tree.modules[rel];
    if (!mod)
      throw new Error(`module "${name}": ${call.body.source} not found`);
    const inputs = moduleInputs(call, envScope);
    calls[name] = {
      name,
      rel,
      mod,
      call,
      inputs,
      scope: moduleScope(mod, inputs),
    };
  }

  const target = moduleName =>
    moduleName === 'env'
      ? { mod: env, scope: envScope, rel: ENVIRONMENT }
      : calls[moduleName] ??
        (() => {
          throw new Error(
            `the environment does not call a module "${moduleName}"`,
          );
        })();

  const find = (moduleName, kind, type, name) => {
    const { mod, rel } = target(moduleName);
    const list = {
      resource: mod.resources,
      data: mod.dataSources,
      ephemeral: mod.ephemerals,
    }[kind];
    const found = list.find(r => r.type === type && r.name === name);
    if (!found) throw new Error(`${rel}: no ${kind} ${type}.${name}`);
    return found;
  };

  const ctx = {
    root,
    tree,
    env,
    envScope,
    calls,
    /** The unevaluated hcl2json body. */
    raw(moduleName, type, name, kind = 'resource') {
      return find(moduleName, kind, type, name).body;
    },
    /** The body evaluated in the module's scope (single instance). */
    resource(moduleName, type, name, kind = 'resource') {
      const { scope } = target(moduleName);
      return evaluate(find(moduleName, kind, type, name).body, scope);
    },
    /** for_each instances: `{ key: body evaluated with each.key/each.value }`. */
    instances(moduleName, type, name) {
      const { scope } = target(moduleName);
      const body = find(moduleName, 'resource', type, name).body;
      const forEach = evaluate(body.for_each, scope);
      if (forEach instanceof Unknown || forEach === undefined)
        throw new Error(
          `${type}.${name}: for_each cannot be evaluated offline (${forEach})`,
        );
      const entries = Array.isArray(forEach)
        ? forEach.map(key => [key, key])
        : Object.entries(forEach);
      return Object.fromEntries(
        entries.map(([key, value]) => [
          key,
          evaluate(body, { ...scope, each: { key, value } }),
        ]),
      );
    },
    local(moduleName, name) {
      const { scope } = target(moduleName);
      return scope.local(name);
    },
    rawLocal(moduleName, name) {
      return target(moduleName).mod.locals[name]?.value;
    },
    variable(moduleName, name) {
      return target(moduleName).mod.variables[name]?.body;
    },
    /** What the environment passes to a module, evaluated. */
    input(moduleName, name) {
      return calls[moduleName].inputs[name];
    },
    /** What the environment passes to a module, as written. */
    rawInput(moduleName, name) {
      return calls[moduleName].call.body[name];
    },
    output(moduleName, name) {
      return target(moduleName).mod.outputs[name]?.body;
    },
    module(moduleName) {
      return target(moduleName);
    },
  };
  return ctx;
}

/** True when `value` is the unknown result of exactly `expression`. */
function isRef(value, expression) {
  return value instanceof Unknown && value.expression.trim() === expression;
}

module.exports = { buildContext, isRef, ENVIRONMENT };
