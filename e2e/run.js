#!/usr/bin/env node
/*
 * Browser tests: starts the portal exactly as `npm start` does (emulator,
 * backend, frontend dev server) on spare ports with an in-memory database,
 * waits until both answer, runs e2e/tests/*.test.js with node's test runner
 * in Debian's Chromium (installed with apt-get when missing), then stops it.
 */
'use strict';

const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const APP_PORT = process.env.E2E_APP_PORT || '3100';
const BACKEND_PORT = process.env.E2E_BACKEND_PORT || '7107';
const EMULATOR_PORT = process.env.E2E_EMULATOR_PORT || '7110';
const STATIC_TOKEN = 'e2e-static-access-token-0123456789';
const appUrl = `http://localhost:${APP_PORT}`;
const backendUrl = `http://localhost:${BACKEND_PORT}`;

function ensureChromium() {
  if (fs.existsSync(CHROMIUM)) return;
  if (process.getuid && process.getuid() === 0) {
    console.log('[e2e] installing Debian chromium');
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    const res = spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (res.status === 0 && fs.existsSync(CHROMIUM)) return;
  }
  throw new Error(
    `Chromium not found at ${CHROMIUM}; install it (apt-get install chromium) or set CHROMIUM_PATH`,
  );
}

async function waitFor(url, deadline) {
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise(r => setTimeout(r, 1000));
  }
  throw new Error(`${url} did not answer in time`);
}

async function portIsFree(port) {
  return new Promise(resolve => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(Number(port), () => server.close(() => resolve(true)));
  });
}

async function main() {
  ensureChromium();
  // A leftover portal on these ports would answer in place of this run's.
  for (const port of [APP_PORT, BACKEND_PORT, EMULATOR_PORT]) {
    if (!(await portIsFree(port))) {
      throw new Error(
        `port ${port} is in use (a portal left running?); free it or set E2E_APP_PORT/E2E_BACKEND_PORT/E2E_EMULATOR_PORT`,
      );
    }
  }
  const started = Date.now();
  const portal = spawn(
    process.execPath,
    [path.join(ROOT, 'scripts', 'start-dev.js')],
    {
      cwd: ROOT,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        EMULATOR_PORT,
        SRE_CC_BACKEND_URL: backendUrl,
        SRE_CC_WEBHOOK_TOKEN: 'e2e-webhook-token-0123456789',
        // The tests fire their own incidents.
        EMULATOR_DEMO_INTERVAL_SECONDS: '0',
        APP_CONFIG_app_baseUrl: appUrl,
        APP_CONFIG_backend_baseUrl: backendUrl,
        APP_CONFIG_backend_listen_port: BACKEND_PORT,
        APP_CONFIG_backend_cors_origin: appUrl,
        APP_CONFIG_backend_database_connection: ':memory:',
        // A Backstage external access token, as a script or another system would use.
        APP_CONFIG_backend_auth_externalAccess: JSON.stringify([
          {
            type: 'static',
            options: { token: STATIC_TOKEN, subject: 'e2e-script' },
          },
        ]),
      },
    },
  );
  const logFile = path.join(ROOT, 'e2e', '.artifacts', 'portal.log');
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const log = fs.createWriteStream(logFile);
  portal.stdout.pipe(log);
  portal.stderr.pipe(log);
  const stop = () => {
    try {
      process.kill(-portal.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  process.on('exit', stop);
  const stopped = new Promise(resolve => portal.once('exit', resolve));
  process.on('SIGINT', () => process.exit(130));

  let status = 1;
  try {
    const deadline = Date.now() + 240_000;
    await waitFor(`${backendUrl}/api/sre-control-center/health`, deadline);
    await waitFor(appUrl, deadline);
    console.log(
      `[e2e] portal up in ${((Date.now() - started) / 1000).toFixed(
        0,
      )} s (log: ${path.relative(ROOT, logFile)})`,
    );
    const tests = fs
      .readdirSync(path.join(__dirname, 'tests'))
      .filter(f => f.endsWith('.test.js'))
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
