#!/usr/bin/env node
/*
 * Browser tests: starts the portal exactly as `npm start` does (emulator,
 * backend, frontend dev server) on spare ports with an in-memory database,
 * waits until both answer, runs e2e/tests/*.test.js with node's test runner
 * in Debian's Chromium (installed with apt-get when missing), then stops it.
 */
'use strict';

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { ROOT, CHROMIUM, ensureChromium, startPortal } = require('./portal');

const APP_PORT = process.env.E2E_APP_PORT || '3100';
const BACKEND_PORT = process.env.E2E_BACKEND_PORT || '7107';
const EMULATOR_PORT = process.env.E2E_EMULATOR_PORT || '7110';

async function main() {
  ensureChromium();
  const started = Date.now();
  const logFile = path.join(ROOT, 'e2e', '.artifacts', 'portal.log');
  const portal = await startPortal({
    appPort: APP_PORT,
    backendPort: BACKEND_PORT,
    emulatorPort: EMULATOR_PORT,
    logFile,
  });
  const { appUrl, backendUrl, log, stop, stopped } = portal;
  const STATIC_TOKEN = portal.staticToken;
  process.on('SIGINT', () => process.exit(130));

  let status = 1;
  try {
    await portal.ready(240_000);
    console.log(
      `[e2e] portal up in ${((Date.now() - started) / 1000).toFixed(
        0,
      )} s (log: ${path.relative(ROOT, logFile)})`,
    );
    const tests = fs
      .readdirSync(path.join(__dirname, 'tests'))
      .filter(f => f.endsWith('.test.js'))
      // E2E_ONLY=<regex> runs only the matching files (a quicker loop).
      .filter(
        f => !process.env.E2E_ONLY || new RegExp(process.env.E2E_ONLY).test(f),
      )
      .map(f => path.join(__dirname, 'tests', f));
    const res = spawnSync(
      process.execPath,
      ['--test', '--test-concurrency=1', '--test-reporter=tap', ...tests],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'inherit'],
        encoding: 'utf8',
        env: {
          ...process.env,
          E2E_APP_URL: appUrl,
          E2E_BACKEND_URL: backendUrl,
          E2E_EMULATOR_URL: `http://127.0.0.1:${EMULATOR_PORT}`,
          E2E_STATIC_TOKEN: STATIC_TOKEN,
          E2E_WEBHOOK_TOKEN: portal.webhookToken,
          CHROMIUM_PATH: CHROMIUM,
        },
      },
    );
    process.stdout.write(res.stdout);
    status = res.status ?? 1;
    // Counts for scripts/test-all.js's summary.
    const count = name =>
      Number(
        (res.stdout.match(new RegExp(`^# ${name} (\\d+)`, 'm')) || [])[1] || 0,
      );
    fs.writeFileSync(
      path.join(ROOT, 'e2e', '.artifacts', 'summary.json'),
      JSON.stringify({
        passed: count('pass'),
        failed: count('fail') + count('cancelled'),
      }),
    );
  } catch (e) {
    console.error(`[e2e] ${e.message}; last lines of the portal log:`);
    log.end();
    console.error(
      fs.readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n'),
    );
  } finally {
    stop();
    // start-dev.js stops its children's process groups, then exits.
    await Promise.race([stopped, new Promise(r => setTimeout(r, 15_000))]);
  }
  process.exit(status);
}

main().catch(error => {
  console.error(`[e2e] ${error.message}`);
  process.exit(1);
});
