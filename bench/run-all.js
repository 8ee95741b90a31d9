#!/usr/bin/env node
/* `npm run bench`: runs every benchmark in this folder, one after the other. */
'use strict';
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const benches = [
  'webhook-ingest.js',
  'alert-latency.js',
  'stack.js',
  // These two start the whole portal and drive Chromium (bench/README.md).
  'alert-to-screen.js',
  'feed-render.js',
];
let failed = 0;
for (const bench of benches) {
  console.log(`\n=== ${bench}`);
  const res = spawnSync(process.execPath, [path.join(__dirname, bench)], {
    stdio: 'inherit',
  });
  if (res.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
