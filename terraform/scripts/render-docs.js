#!/usr/bin/env node
'use strict';
/*
 * Writes the terraform-docs section of every module's and environment's
 * README (between <!-- BEGIN_TF_DOCS --> and <!-- END_TF_DOCS -->, the
 * markers and tables terraform-docs' `inject` mode uses), from the parsed HCL.
 * terraform-docs itself cannot be installed here; the prose around the
 * markers is written by hand.
 *
 *   node terraform/scripts/render-docs.js          rewrite the READMEs
 *   node terraform/scripts/render-docs.js --check  exit 1 if one is stale
 */
const fs = require('node:fs');
const path = require('node:path');
const { loadTree, resolveSource } = require('./lib/checks');

const TERRAFORM = path.resolve(__dirname, '..');
const BEGIN = '<!-- BEGIN_TF_DOCS -->';
const END = '<!-- END_TF_DOCS -->';

const REGISTRY = {
  azurerm:
    'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs',
  azapi: 'https://registry.terraform.io/providers/Azure/azapi/latest/docs',
  random:
    'https://registry.terraform.io/providers/hashicorp/random/latest/docs',
};

const cell = text =>
  String(text)
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\|/g, '\\|')
    .trim();
const anchor = (kind, name) =>
  `<a name="${kind}_${name}"></a> [${name}](#${kind}\\_${name.replace(
    /_/g,
    '\\_',
  )})`;
const unwrap = value =>
  typeof value === 'string' ? value.replace(/^\$\{([\s\S]*)\}$/, '$1') : value;

function renderDefault(variable) {
  if (!('default' in variable.body)) return 'n/a';
  const value = variable.body.default;
  if (value === null) return '`null`';
  return `\`${cell(JSON.stringify(value))}\``;
}

function render(tree, rel) {
  const mod = tree.modules[rel];
  const lines = [
    BEGIN,
    '## Requirements',
    '',
    '| Name | Version |',
    '|------|---------|',
  ];
  const terraformBlock = mod.terraformBlocks.find(
    t => t.body.required_version || t.body.required_providers,
  );
  const providers = Object.assign(
    {},
    ...(terraformBlock?.body.required_providers ?? []),
  );
  if (terraformBlock?.body.required_version)
    lines.push(
      `| ${anchor('requirement', 'terraform')} | ${cell(
        terraformBlock.body.required_version,
      )} |`,
    );
  for (const [name, spec] of Object.entries(providers).sort())
    lines.push(`| ${anchor('requirement', name)} | ${cell(spec.version)} |`);

  lines.push('', '## Providers', '');
  const used = new Set(
    [...mod.resources, ...mod.dataSources, ...mod.ephemerals].map(
      r => r.type.split('_')[0],
    ),
  );
  const usedProviders = Object.entries(providers)
    .filter(([name]) => used.has(name))
    .sort();
  if (usedProviders.length === 0) lines.push('No providers.');
  else {
    lines.push('| Name | Version |', '|------|---------|');
    for (const [name, spec] of usedProviders)
      lines.push(`| ${anchor('provider', name)} | ${cell(spec.version)} |`);
  }

  lines.push('', '## Modules', '');
  const calls = Object.values(mod.modules).sort((a, b) =>
    a.name.localeCompare(b.name),
  );
  if (calls.length === 0) lines.push('No modules.');
  else {
    lines.push('| Name | Source | Version |', '|------|--------|---------|');
    for (const call of calls)
      lines.push(
        `| ${anchor('module', call.name)} | ${cell(call.body.source)} | ${
          call.body.version ?? 'n/a'
        } |`,
      );
  }

  lines.push('', '## Resources', '', '| Name | Type |', '|------|------|');
  const blocks = [
    ...mod.resources.map(r => ({ ...r, docs: 'resources', label: 'resource' })),
    ...mod.ephemerals.map(r => ({
      ...r,
      docs: 'ephemeral-resources',
      label: 'ephemeral resource',
    })),
    ...mod.dataSources.map(r => ({
      ...r,
      docs: 'data-sources',
      label: 'data source',
    })),
  ].sort((a, b) => `${a.type}.${a.name}`.localeCompare(`${b.type}.${b.name}`));
  for (const r of blocks) {
    const [provider, ...rest] = r.type.split('_');
    const page = rest.join('_');
    lines.push(
      `| [${r.type}.${r.name}](${REGISTRY[provider]}/${r.docs}/${page}) | ${r.label} |`,
    );
  }

  lines.push('', '## Inputs', '');
  const variables = Object.values(mod.variables).sort((a, b) =>
    a.name.localeCompare(b.name),
  );
  if (variables.length === 0) lines.push('No inputs.');
  else {
    lines.push(
      '| Name | Description | Type | Default | Required |',
      '|------|-------------|------|---------|:--------:|',
    );
    for (const v of variables) {
      const required = !('default' in v.body);
      const sensitive = v.body.sensitive ? ' (sensitive)' : '';
      lines.push(
        `| ${anchor('input', v.name)} | ${cell(
          v.body.description ?? '',
        )}${sensitive} | \`${cell(
          unwrap(v.body.type ?? 'any'),
        )}\` | ${renderDefault(v)} | ${required ? 'yes' : 'no'} |`,
      );
    }
  }

  lines.push('', '## Outputs', '');
  const outputs = Object.values(mod.outputs).sort((a, b) =>
    a.name.localeCompare(b.name),
  );
  if (outputs.length === 0) lines.push('No outputs.');
  else {
    lines.push('| Name | Description |', '|------|-------------|');
    for (const o of outputs)
      lines.push(
        `| ${anchor('output', o.name)} | ${cell(o.body.description ?? '')}${
          o.body.sensitive ? ' (sensitive)' : ''
        } |`,
      );
  }
  lines.push(END);
  return lines.join('\n');
}

/** `[{ rel, file, current, expected }]` for every module with a README. */
async function docsState(root = TERRAFORM) {
  const tree = await loadTree(root);
  const state = [];
  for (const rel of Object.keys(tree.modules)) {
    const file = path.join(root, rel, 'README.md');
    if (!fs.existsSync(file)) {
      state.push({ rel, file, current: undefined, expected: undefined });
      continue;
    }
    const current = fs.readFileSync(file, 'utf8');
    const start = current.indexOf(BEGIN);
    const end = current.indexOf(END);
    const generated = render(tree, rel);
    const expected =
      start >= 0 && end > start
        ? current.slice(0, start) + generated + current.slice(end + END.length)
        : `${current.trimEnd()}\n\n${generated}\n`;
    state.push({ rel, file, current, expected });
  }
  return state;
}

async function main() {
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const { rel, file, current, expected } of await docsState()) {
    if (current === undefined) {
      console.error(`${rel}: no README.md`);
      stale++;
    } else if (current !== expected) {
      if (check) {
        console.error(
          `${rel}/README.md is stale: run node terraform/scripts/render-docs.js`,
        );
        stale++;
      } else {
        fs.writeFileSync(file, expected);
        console.log(`wrote ${path.relative(process.cwd(), file)}`);
      }
    }
  }
  process.exit(stale ? 1 : 0);
}

if (require.main === module) main();

module.exports = { docsState, render, resolveSource };
