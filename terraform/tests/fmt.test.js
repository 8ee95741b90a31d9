'use strict';
// `terraform fmt -check -recursive terraform/` when a terraform binary is on
// PATH; skipped (and said so) otherwise.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const { TERRAFORM } = require('./helpers');

const terraform = process.env.TERRAFORM_BINARY || 'terraform';
const version = spawnSync(terraform, ['version', '-json'], {
  encoding: 'utf8',
});
const found = version.status === 0;

test(
  'terraform fmt -check -recursive terraform/',
  { skip: !found && `no ${terraform} binary on PATH: terraform fmt skipped` },
  () => {
    const fmt = spawnSync(
      terraform,
      ['fmt', '-check', '-recursive', '-diff', TERRAFORM],
      { encoding: 'utf8' },
    );
    assert.equal(
      fmt.status,
      0,
      `terraform fmt would change these files:\n${fmt.stdout}${fmt.stderr}`,
    );
    console.log(
      `# terraform fmt -check: clean (terraform ${
        JSON.parse(version.stdout).terraform_version
      })`,
    );
  },
);

if (!found)
  console.log(`# terraform fmt SKIPPED: no ${terraform} binary on PATH`);
