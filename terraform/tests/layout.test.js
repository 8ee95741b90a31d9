'use strict';
// Azure Verified Modules layout, and READMEs in terraform-docs form that
// list every input, output and resource.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { stack, TERRAFORM } = require('./helpers');

const MODULES = fs
  .readdirSync(path.join(TERRAFORM, 'modules'))
  .filter(name =>
    fs.statSync(path.join(TERRAFORM, 'modules', name)).isDirectory(),
  )
  .sort();

test('the modules of the plan, plus communication', () => {
  assert.deepEqual(MODULES, [
    'app-service',
    'budget',
    'communication',
    'database',
    'key-vault',
    'monitoring',
    'networking',
    'sre-agent',
    'storage',
  ]);
});

for (const name of MODULES) {
  const rel = `modules/${name}`;

  test(`${rel}: terraform.tf, main.tf, variables.tf, outputs.tf, README.md; blocks in their files`, async () => {
    const mod = (await stack()).tree.modules[rel];
    for (const file of [
      'terraform.tf',
      'main.tf',
      'variables.tf',
      'outputs.tf',
      'README.md',
    ])
      assert.ok(
        fs.existsSync(path.join(TERRAFORM, rel, file)),
        `${rel}/${file}`,
      );
    assert.equal(mod.terraformBlocks.length, 1, 'one terraform {} block');
    assert.equal(mod.terraformBlocks[0].file, 'terraform.tf');
    assert.ok(mod.terraformBlocks[0].body.required_version, 'required_version');
    assert.ok(
      mod.terraformBlocks[0].body.required_providers,
      'required_providers',
    );
    assert.equal(mod.providers.length, 0, 'modules never configure providers');
    for (const v of Object.values(mod.variables))
      assert.equal(v.file, 'variables.tf', `variable ${v.name}`);
    for (const o of Object.values(mod.outputs))
      assert.equal(o.file, 'outputs.tf', `output ${o.name}`);
    for (const l of Object.values(mod.locals))
      assert.equal(l.file, 'locals.tf', `local ${l.name}`);
    for (const r of [...mod.resources, ...mod.dataSources, ...mod.ephemerals])
      assert.equal(r.file, 'main.tf', `${r.type}.${r.name}`);
  });

  test(`${rel}: every variable has a type and a description, the module validates its inputs`, async () => {
    const mod = (await stack()).tree.modules[rel];
    const variables = Object.values(mod.variables);
    assert.ok(variables.length > 0);
    for (const v of variables) {
      assert.ok(v.body.type, `variable ${v.name} has a type`);
      assert.ok(
        typeof v.body.description === 'string' &&
          v.body.description.length > 10,
        `variable ${v.name} has a description`,
      );
    }
    assert.ok(
      variables.some(v => v.body.validation),
      'at least one validation',
    );
    for (const o of Object.values(mod.outputs))
      assert.ok(o.body.description, `output ${o.name} has a description`);
  });

  test(`${rel}: README in terraform-docs form lists every input, output and resource`, async () => {
    const mod = (await stack()).tree.modules[rel];
    const readme = fs.readFileSync(
      path.join(TERRAFORM, rel, 'README.md'),
      'utf8',
    );
    for (const section of [
      '## Requirements',
      '## Providers',
      '## Resources',
      '## Inputs',
      '## Outputs',
    ])
      assert.ok(readme.includes(section), `${section}`);
    for (const v of Object.keys(mod.variables))
      assert.ok(
        readme.includes(`<a name="input_${v}"></a>`),
        `input ${v} in the README`,
      );
    for (const o of Object.keys(mod.outputs))
      assert.ok(
        readme.includes(`<a name="output_${o}"></a>`),
        `output ${o} in the README`,
      );
    for (const r of [...mod.resources, ...mod.ephemerals])
      assert.ok(
        readme.includes(`[${r.type}.${r.name}]`),
        `resource ${r.type}.${r.name} in the README`,
      );
    for (const d of mod.dataSources)
      assert.ok(
        readme.includes(`[${d.type}.${d.name}]`),
        `data source ${d.type}.${d.name} in the README`,
      );
    const documented = [
      ...readme.matchAll(/<a name="input_([\w-]+)"><\/a>/g),
    ].map(m => m[1]);
    assert.deepEqual(
      documented.filter(v => !mod.variables[v]),
      [],
      'the README documents no input that does not exist',
    );
  });
}

test('environments/dev: README documents every output', async () => {
  const env = (await stack()).env;
  const readme = fs.readFileSync(
    path.join(TERRAFORM, 'environments/dev/README.md'),
    'utf8',
  );
  for (const o of Object.keys(env.outputs))
    assert.ok(
      readme.includes(`\`${o}\``),
      `output ${o} in environments/dev/README.md`,
    );
});

test('the terraform-docs sections of the READMEs are current (node terraform/scripts/render-docs.js)', async () => {
  const { docsState } = require('../scripts/render-docs');
  const stale = (await docsState())
    .filter(s => s.current !== s.expected)
    .map(s => s.rel);
  assert.deepEqual(stale, []);
});
