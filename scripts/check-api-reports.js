#!/usr/bin/env node
/*
 * Checks the plugin packages' API reports (report*.api.md) against the code.
 *
 * `backstage-repo-tools api-reports --ci` compares the reports byte for byte,
 * but API Extractor writes the members of expanded zod types (enum values,
 * union members) in the order TypeScript happened to create them, which
 * differs between a fresh and an incremental `tsc`: the same API, another
 * order. So this generates the reports, compares them with the committed ones
 * as sets of lines, restores the committed file when only the order changed,
 * and fails naming the reports whose lines really changed (left updated on
 * disk, to commit) with the lines that differ.
 *
 * API Extractor writes absolute paths into a report's warnings for files
 * outside the package (another workspace package's sources); they are made
 * relative to the repository, so a clone elsewhere (CI) writes the same.
 *
 *   node scripts/check-api-reports.js   (after `yarn tsc`)
 */
'use strict';

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const YARN = path.join(ROOT, '.yarn', 'releases', 'yarn-4.13.0.cjs');

const packages = require(path.join(ROOT, 'package.json'))
  .scripts['build:api-reports:only'].split(' ')
  .filter(arg => arg.startsWith('plugins/'));

function reports() {
  const files = new Map();
  for (const pkg of packages) {
    const dir = path.join(ROOT, pkg);
    for (const name of fs.readdirSync(dir)) {
      if (/^report.*\.api\.md$/.test(name)) {
        const file = path.join(dir, name);
        files.set(file, fs.readFileSync(file, 'utf8'));
      }
    }
  }
  return files;
}

const sortedLines = text =>
  text
    .split('\n')
    .map(line => line.trimEnd())
    .sort()
    .join('\n');

/** The lines only one side has, at most 20 of them, as `-` and `+`. */
function lineDiff(old, text) {
  const count = lines => {
    const counts = new Map();
    for (const line of lines.split('\n').map(l => l.trimEnd())) {
      counts.set(line, (counts.get(line) ?? 0) + 1);
    }
    return counts;
  };
  const a = count(old);
  const b = count(text);
  const out = [];
  for (const [line, n] of a) {
    if ((b.get(line) ?? 0) < n) out.push(`    - ${line}`);
  }
  for (const [line, n] of b) {
    if ((a.get(line) ?? 0) < n) out.push(`    + ${line}`);
  }
  return out.slice(0, 20).join('\n');
}

const before = reports();
const res = spawnSync(process.execPath, [YARN, 'build:api-reports:only'], {
  cwd: ROOT,
  encoding: 'utf8',
});
if (res.status !== 0) {
  process.stdout.write(res.stdout);
  process.stderr.write(res.stderr);
  process.exit(res.status ?? 1);
}
const after = reports();
const rootPrefix = ROOT + path.sep;
for (const [file, text] of after) {
  const relative = text.split(rootPrefix).join('');
  if (relative !== text) {
    fs.writeFileSync(file, relative);
    after.set(file, relative);
  }
}

const changed = [];
for (const [file, text] of after) {
  const old = before.get(file);
  if (old === undefined) {
    changed.push(`${path.relative(ROOT, file)} (new)`);
  } else if (sortedLines(old) !== sortedLines(text)) {
    changed.push(`${path.relative(ROOT, file)}\n${lineDiff(old, text)}`);
  } else if (old !== text) {
    fs.writeFileSync(file, old); // the same API in another order
  }
}
for (const file of before.keys()) {
  if (!after.has(file)) changed.push(`${path.relative(ROOT, file)} (gone)`);
}

if (changed.length > 0) {
  console.error(
    `The public API changed; review and commit the updated reports:\n  ${changed.join(
      '\n  ',
    )}`,
  );
  process.exit(1);
}
console.log(`API reports match the code (${after.size} reports).`);
