'use strict';
/*
 * Reading Terraform offline: every `.tf` of a module directory parsed with
 * `@cdktf/hcl2json` (HCL -> JSON, expressions kept as "${...}" strings), the
 * references inside those expressions, and a small evaluator for the
 * literal parts (variable defaults, locals, module inputs, for_each maps).
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { parse } = require('@cdktf/hcl2json');

// hcl2json runs Go in WebAssembly (~90 ms a file): parses are cached by
// content, so test files (one process each) and mutated copies share them.
const CACHE_DIR = path.resolve(
  __dirname,
  '../../../node_modules/.cache/sre-cc-hcl2json',
);

async function parseCached(file, text) {
  const key = crypto.createHash('sha256').update(text).digest('hex');
  const cached = path.join(CACHE_DIR, `${key}.json`);
  try {
    return JSON.parse(fs.readFileSync(cached, 'utf8'));
  } catch {
    const parsed = await parse(file, text);
    try {
      fs.mkdirSync(CACHE_DIR, { recursive: true });
      fs.writeFileSync(`${cached}.${process.pid}`, JSON.stringify(parsed));
      fs.renameSync(`${cached}.${process.pid}`, cached);
    } catch {
      // A read-only tree only loses the cache.
    }
    return parsed;
  }
}

/** Block types whose labels are <type> <name>. */
const ADDRESSED = ['resource', 'data', 'ephemeral'];

/**
 * Loads one module directory (not recursive); `overlay` maps absolute file
 * paths to contents that replace the files on disk (mutation tests).
 * `{ dir, files, resources[], dataSources[], ephemerals[], variables, outputs,
 *    locals, modules, providers[], terraformBlocks[], checks }`;
 * each entry carries its `file` and `body` (the hcl2json object).
 */
async function loadModule(dir, overlay = {}) {
  const mod = {
    dir,
    files: [],
    resources: [],
    dataSources: [],
    ephemerals: [],
    variables: {},
    outputs: {},
    locals: {},
    modules: {},
    providers: [],
    terraformBlocks: [],
    checks: {},
    duplicates: [],
  };
  const lists = {
    resource: mod.resources,
    data: mod.dataSources,
    ephemeral: mod.ephemerals,
  };
  const names = fs
    .readdirSync(dir)
    .filter(name => name.endsWith('.tf'))
    .sort();
  for (const file of names) {
    const full = path.join(dir, file);
    const text = overlay[full] ?? fs.readFileSync(full, 'utf8');
    let parsed;
    try {
      parsed = await parseCached(file, text);
    } catch (error) {
      throw new Error(`${path.join(dir, file)}: does not parse: ${error}`);
    }
    mod.files.push({ file, text, parsed });
    for (const kind of ADDRESSED) {
      for (const [type, byName] of Object.entries(parsed[kind] ?? {})) {
        for (const [name, blocks] of Object.entries(byName)) {
          for (const body of blocks) {
            if (lists[kind].some(r => r.type === type && r.name === name))
              mod.duplicates.push(`${kind} ${type}.${name}`);
            lists[kind].push({ kind, type, name, body, file });
          }
        }
      }
    }
    const named = {
      variable: mod.variables,
      output: mod.outputs,
      module: mod.modules,
      check: mod.checks,
    };
    for (const [kind, target] of Object.entries(named)) {
      for (const [name, blocks] of Object.entries(parsed[kind] ?? {})) {
        if (target[name] || blocks.length > 1)
          mod.duplicates.push(`${kind} ${name}`);
        target[name] = { name, body: blocks[0], file };
      }
    }
    for (const block of parsed.locals ?? []) {
      for (const [name, value] of Object.entries(block)) {
        if (mod.locals[name]) mod.duplicates.push(`local ${name}`);
        mod.locals[name] = { name, value, file };
      }
    }
    for (const [name, blocks] of Object.entries(parsed.provider ?? {})) {
      for (const body of blocks) mod.providers.push({ name, body, file });
    }
    for (const body of parsed.terraform ?? [])
      mod.terraformBlocks.push({ body, file });
  }
  return mod;
}

/** Calls `visit(string, path)` for every string inside a hcl2json value. */
function walkStrings(value, visit, at = []) {
  if (typeof value === 'string') visit(value, at);
  else if (Array.isArray(value))
    value.forEach((item, i) => walkStrings(item, visit, [...at, i]));
  else if (value && typeof value === 'object')
    for (const [key, item] of Object.entries(value))
      walkStrings(item, visit, [...at, key]);
}

// --- References -------------------------------------------------------------

/**
 * Scans a template (`"a-${var.x}"`) and returns the text of each `${...}` /
 * `%{...}` expression with its string literals blanked out, so that names
 * inside strings do not count as references.
 */
function expressionsOf(template) {
  const found = [];
  const template_ = (s, i, quoted) => {
    while (i < s.length) {
      if (s.startsWith('$${', i) || s.startsWith('%%{', i)) {
        i += 3;
      } else if (s.startsWith('${', i) || s.startsWith('%{', i)) {
        const [end, text] = expression(s, i + 2);
        found.push(text);
        i = end;
      } else if (quoted && s[i] === '\\') {
        i += 2;
      } else if (quoted && s[i] === '"') {
        return i + 1;
      } else {
        i++;
      }
    }
    return i;
  };
  const expression = (s, i) => {
    let depth = 0;
    let text = '';
    while (i < s.length) {
      const c = s[i];
      if (c === '"') {
        i = template_(s, i + 1, true);
        text += '""';
        continue;
      }
      if (c === '}' && depth === 0) return [i + 1, text];
      if ('{(['.includes(c)) depth++;
      if ('})]'.includes(c)) depth--;
      text += c;
      i++;
    }
    return [i, text];
  };
  template_(template, 0, false);
  return found;
}

const TRAVERSAL =
  /(?<![\w.\]"])([A-Za-z_][\w-]*)((?:\s*(?:\[(?:\d+|\*|"")\])?\s*\.\s*(?:[A-Za-z_][\w-]*|\*))+)/g;

/**
 * References in one hcl2json string: `[{ head, parts, text }]`, e.g.
 * `module.networking.app_subnet_id` -> head `module`, parts
 * [`networking`, `app_subnet_id`]. Iterators of `for` expressions are left
 * out; `extraLocals` names more symbols to leave out (dynamic block labels).
 */
function referencesIn(value, extraLocals = []) {
  if (typeof value !== 'string' || !/[$%]\{/.test(value)) return [];
  const refs = [];
  const expressions = expressionsOf(value);
  // Iterators of every `for` in the value (templates nested in a for body
  // use them too); over-approximating their scope only skips local names.
  const iterators = new Set(extraLocals);
  for (const text of expressions) {
    for (const m of text.matchAll(
      /\bfor\s+([A-Za-z_]\w*)(?:\s*,\s*([A-Za-z_]\w*))?\s+in\b/g,
    )) {
      iterators.add(m[1]);
      if (m[2]) iterators.add(m[2]);
    }
  }
  for (const text of expressions) {
    for (const m of text.matchAll(TRAVERSAL)) {
      const head = m[1];
      if (iterators.has(head)) continue;
      const parts = m[2]
        .replace(/\[(?:\d+|\*|"")\]/g, '')
        .split('.')
        .map(part => part.trim())
        .filter(Boolean);
      refs.push({ head, parts, text: [head, ...parts].join('.') });
    }
  }
  return refs;
}

/** Labels of every `dynamic "<label>"` block inside a body (their iterators). */
function dynamicLabels(body, found = new Set()) {
  if (Array.isArray(body)) body.forEach(item => dynamicLabels(item, found));
  else if (body && typeof body === 'object') {
    for (const [key, value] of Object.entries(body)) {
      if (key === 'dynamic' && value && typeof value === 'object')
        for (const label of Object.keys(value)) found.add(label);
      dynamicLabels(value, found);
    }
  }
  return found;
}

// --- Evaluation -------------------------------------------------------------

/** A value the evaluator cannot know offline (a resource attribute, ...). */
class Unknown {
  constructor(expression) {
    this.expression = expression;
  }
  toString() {
    return `(unknown: ${this.expression})`;
  }
}

/** Defaults of `optional(type, default)` attributes in an object type expression. */
function optionalDefaults(typeExpression) {
  const defaults = {};
  if (typeof typeExpression !== 'string') return defaults;
  for (const m of typeExpression.matchAll(
    /([A-Za-z_]\w*)\s*=\s*optional\(\s*[\w()]+\s*,\s*("[^"]*"|[\d.]+|true|false)\s*\)/g,
  )) {
    defaults[m[1]] = JSON.parse(m[2]);
  }
  return defaults;
}

/** The effective default of a variable block (type defaults applied to objects). */
function variableDefault(variable) {
  if (!variable || !('default' in variable.body)) return undefined;
  const value = variable.body.default;
  const typeDefaults = optionalDefaults(variable.body.type);
  if (value && typeof value === 'object' && !Array.isArray(value))
    return { ...typeDefaults, ...value };
  return value;
}

/**
 * Evaluates a hcl2json value in a scope `{ var, local, each }`: literals,
 * plain traversals (`${var.a.b}`, `${local.names.x}`, `${each.value.y}`) and
 * templates made of them. Anything else becomes an `Unknown` carrying the
 * expression (so tests can still assert the wiring, e.g.
 * `(unknown: module.networking.app_subnet_id)`).
 */
function evaluate(value, scope) {
  if (Array.isArray(value)) return value.map(item => evaluate(item, scope));
  if (value && typeof value === 'object' && !(value instanceof Unknown)) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, evaluate(v, scope)]),
    );
  }
  if (typeof value !== 'string' || !value.includes('${')) return value;
  const whole = /^\$\{\s*([A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)*)\s*\}$/.exec(
    value,
  );
  if (whole) return lookup(whole[1], scope);
  // A few collection functions over a traversal or a literal list.
  const call = /^\$\{\s*(toset|tolist|keys|values)\((.*)\)\s*\}$/s.exec(value);
  if (call) {
    const argument = evaluate(`\${${call[2]}}`, scope);
    let literal = argument;
    if (argument instanceof Unknown) {
      try {
        literal = JSON.parse(call[2]);
      } catch {
        return new Unknown(value.slice(2, -1));
      }
    }
    if (call[1] === 'keys' || call[1] === 'values') {
      if (!literal || typeof literal !== 'object' || Array.isArray(literal))
        return new Unknown(value.slice(2, -1));
      return call[1] === 'keys'
        ? Object.keys(literal).sort()
        : Object.keys(literal)
            .sort()
            .map(k => literal[k]);
    }
    if (!Array.isArray(literal)) return new Unknown(value.slice(2, -1));
    return call[1] === 'toset' ? [...new Set(literal)] : literal;
  }
  // A template of plain traversals: "nsg-${var.a}-${var.b}".
  let unknown = false;
  const out = value.replace(/\$\{([^{}]*)\}/g, (match, inner) => {
    const trimmed = inner.trim();
    if (!/^[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)*$/.test(trimmed)) {
      unknown = true;
      return match;
    }
    const resolved = lookup(trimmed, scope);
    if (resolved instanceof Unknown || typeof resolved === 'object') {
      unknown = true;
      return match;
    }
    return String(resolved);
  });
  if (unknown || out.includes('${')) return new Unknown(value.slice(2, -1));
  return out;
}

function lookup(traversal, scope) {
  const [head, ...parts] = traversal.split('.');
  let current;
  if (head === 'var') current = scope.var;
  else if (head === 'local') current = scope.local;
  else if (head === 'each') current = scope.each;
  else return new Unknown(traversal);
  for (const part of parts) {
    if (current instanceof Unknown) return current;
    if (typeof current === 'function') current = current(part);
    else if (current && typeof current === 'object' && part in current)
      current = current[part];
    else return new Unknown(traversal);
  }
  if (typeof current === 'function') return new Unknown(traversal);
  return current;
}

/**
 * Scope for a module: `var` from `inputs` (already evaluated) falling back to
 * variable defaults; `local` evaluated lazily (locals may use each other).
 */
function moduleScope(mod, inputs = {}) {
  const vars = {};
  for (const [name, variable] of Object.entries(mod.variables)) {
    if (name in inputs) {
      const input = inputs[name];
      const typeDefaults = optionalDefaults(variable.body.type);
      vars[name] =
        input &&
        typeof input === 'object' &&
        !Array.isArray(input) &&
        !(input instanceof Unknown)
          ? { ...typeDefaults, ...input }
          : input;
    } else {
      const fallback = variableDefault(variable);
      vars[name] =
        fallback === undefined ? new Unknown(`var.${name}`) : fallback;
    }
  }
  const scope = { var: vars };
  const cache = {};
  scope.local = name => {
    if (!(name in cache)) {
      const local = mod.locals[name];
      cache[name] = local
        ? evaluate(local.value, scope)
        : new Unknown(`local.${name}`);
    }
    return cache[name];
  };
  return scope;
}

/** The inputs a `module` block passes, evaluated in the caller's scope. */
function moduleInputs(call, callerScope) {
  const meta = new Set([
    'source',
    'version',
    'providers',
    'count',
    'for_each',
    'depends_on',
  ]);
  return Object.fromEntries(
    Object.entries(call.body)
      .filter(([key]) => !meta.has(key))
      .map(([key, value]) => [key, evaluate(value, callerScope)]),
  );
}

/** The first block of a nested block list (`site_config[0]`), or undefined. */
function block(body, name) {
  const value = body?.[name];
  return Array.isArray(value) ? value[0] : undefined;
}

module.exports = {
  loadModule,
  walkStrings,
  referencesIn,
  expressionsOf,
  dynamicLabels,
  evaluate,
  moduleScope,
  moduleInputs,
  variableDefault,
  optionalDefaults,
  block,
  Unknown,
};
