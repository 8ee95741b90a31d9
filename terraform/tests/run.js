#!/usr/bin/env node
'use strict';
/*
 * The Terraform checks: every terraform/tests/*.test.js with Node's test
 * runner. Prints the spec report and the time taken, and writes
 * `{ passed, failed, skipped, seconds }` to SRE_CC_TERRAFORM_SUMMARY (or
 * terraform/tests/.artifacts/summary.json) for scripts/test-all.js.
 *
 *   node terraform/tests/run.js
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const started = Date.now();
const files = fs
  .readdirSync(__dirname)
  .filter(name => name.endsWith('.test.js'))
  .sort()
  .map(name => path.join(__dirname, name));
const tap = path.join(os.tmpdir(), `sre-cc-terraform-${process.pid}.tap`);

const result = spawnSync(
  process.execPath,
  [
    '--test',
    // One process for all files: they share the parsed stack and the
    // WebAssembly parser (about three times faster than a process per file).
    '--experimental-test-isolation=none',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${tap}`,
    ...files,
  ],
  { stdio: 'inherit', cwd: path.resolve(__dirname, '../..') },
);

const report = fs.existsSync(tap) ? fs.readFileSync(tap, 'utf8') : '';
fs.rmSync(tap, { force: true });
const count = name =>
  Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(report)?.[1] ?? 0);
const seconds = (Date.now() - started) / 1000;
const summary = {
  passed: count('pass'),
  failed: count('fail') + count('cancelled'),
  skipped: count('skipped') + count('todo'),
  seconds,
};
if (result.status !== 0 && summary.failed === 0) summary.failed = 1;

const target =
  process.env.SRE_CC_TERRAFORM_SUMMARY ||
  path.join(__dirname, '.artifacts', 'summary.json');
fs.mkdirSync(path.dirname(target), { recursive: true });
fs.writeFileSync(target, JSON.stringify(summary));
console.log(
  `\nterraform checks: ${summary.passed} passed, ${summary.failed} failed, ${
    summary.skipped
  } skipped in ${seconds.toFixed(1)} s (${files.length} files)`,
);
process.exit(result.status === 0 ? 0 : 1);
