#!/usr/bin/env node
/*
 * `npm test` (through scripts/toolchain.js): every check, in the order that
 * fails fastest: type-check, lint, formatting, the Terraform checks
 * (terraform/tests), unit + backend integration tests (SQLite, plus PostgreSQL
 * when configured), then browser tests. Prints a timing table and a closing
 * "N passed, N failed" line.
 *
 * PostgreSQL: set SRE_CC_TEST_POSTGRES (e.g. postgresql://root@127.0.0.1:5432/test)
 * or Backstage's BACKSTAGE_TEST_DATABASE_POSTGRES16_CONNECTION_STRING.
 * SRE_CC_SKIP_E2E=1 skips the browser tests (for quick local runs only).
 */
'use strict';

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const YARN = path.join(ROOT, '.yarn', 'releases', 'yarn-4.13.0.cjs');
const PG_VAR = 'BACKSTAGE_TEST_DATABASE_POSTGRES16_CONNECTION_STRING';

const env = { ...process.env, CI: process.env.CI || 'true' };
if (env.SRE_CC_TEST_POSTGRES && !env[PG_VAR])
  env[PG_VAR] = env.SRE_CC_TEST_POSTGRES;
// TestDatabases would otherwise try to start Docker containers under CI.
env.BACKSTAGE_TEST_DISABLE_DOCKER = '1';

const results = [];
let passed = 0;
let failed = 0;
// Tests that did not run (e.g. PostgreSQL variants without SRE_CC_TEST_POSTGRES).
let skipped = 0;

function step(name, args, { countFrom } = {}) {
  const started = Date.now();
  console.log(`\n=== ${name}: ${args.join(' ')}`);
  const res = spawnSync(process.execPath, args, {
    cwd: ROOT,
    env,
    stdio: 'inherit',
  });
  const seconds = (Date.now() - started) / 1000;
  const ok = res.status === 0;
  results.push({ name, ok, seconds });
  const counts = countFrom ? countFrom() : undefined;
  if (counts) {
    passed += counts.passed;
    failed += counts.failed;
    skipped += counts.skipped ?? 0;
  } else {
    ok ? passed++ : failed++;
  }
  if (!ok && counts && counts.failed === 0) failed++;
  return ok;
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

console.log(
  env[PG_VAR]
    ? `Database tests run on SQLite and PostgreSQL (${env[PG_VAR].replace(
        /:[^:@/]*@/,
        ':***@',
      )})`
    : 'Database tests run on SQLite only: set SRE_CC_TEST_POSTGRES to include PostgreSQL',
);

step('type-check', [YARN, 'tsc']);
// The plugin packages' public API (report.api.md) must match the code: the
// declarations the type-check just wrote are what the reports are made of
// (compared as sets of lines: see scripts/check-api-reports.js).
step('API reports', [path.join(ROOT, 'scripts', 'check-api-reports.js')]);
step('lint', [YARN, 'backstage-cli', 'repo', 'lint']);
step('format', [YARN, 'prettier:check']);

// The Terraform stack checked offline (schema, references, settings, cost,
// workflows; terraform fmt when a terraform binary is on PATH).
const terraformSummary = path.join(
  os.tmpdir(),
  `sre-cc-terraform-${process.pid}.json`,
);
env.SRE_CC_TERRAFORM_SUMMARY = terraformSummary;
step('terraform checks', [path.join(ROOT, 'terraform', 'tests', 'run.js')], {
  countFrom: () => readJson(terraformSummary),
});

const jestJson = path.join(os.tmpdir(), `sre-cc-jest-${process.pid}.json`);
step(
  'unit + integration tests',
  [
    YARN,
    'backstage-cli',
    'repo',
    'test',
    '--ci',
    '--json',
    `--outputFile=${jestJson}`,
  ],
  {
    countFrom: () => {
      const report = readJson(jestJson);
      return (
        report && {
          passed: report.numPassedTests,
          failed: report.numFailedTests,
          skipped: report.numPendingTests,
        }
      );
    },
  },
);

if (env.SRE_CC_SKIP_E2E) {
  console.log('\n=== browser tests skipped (SRE_CC_SKIP_E2E)');
} else {
  const summary = path.join(ROOT, 'e2e', '.artifacts', 'summary.json');
  fs.rmSync(summary, { force: true });
  step('browser tests', [path.join(ROOT, 'e2e', 'run.js')], {
    countFrom: () => readJson(summary),
  });
}

console.log('\nstep                        result   seconds');
for (const r of results) {
  console.log(
    `${r.name.padEnd(28)}${(r.ok ? 'ok' : 'FAILED').padEnd(9)}${r.seconds
      .toFixed(0)
      .padStart(7)}`,
  );
}
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(results.every(r => r.ok) ? 0 : 1);
