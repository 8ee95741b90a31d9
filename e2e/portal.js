'use strict';
/**
 * Starts the portal exactly as `npm start` does (emulator, backend, frontend
 * dev server through scripts/start-dev.js) on given ports with an in-memory
 * database, for the browser tests (e2e/run.js) and the browser benchmarks
 * (bench/). Also finds Debian's Chromium.
 */
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const STATIC_TOKEN = 'e2e-static-access-token-0123456789';
const WEBHOOK_TOKEN = 'e2e-webhook-token-0123456789';

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

/**
 * Spawns the portal on `appPort`/`backendPort`/`emulatorPort`, its output in
 * `logFile`. Returns at once; `ready()` waits until backend and frontend
 * answer, `stop()` signals its process group, `stopped` resolves when it has
 * exited. Throws when a port is taken (a portal left running would answer in
 * place of this one).
 */
async function startPortal({
  appPort,
  backendPort,
  emulatorPort,
  logFile,
  env = {},
}) {
  const appUrl = `http://localhost:${appPort}`;
  const backendUrl = `http://localhost:${backendPort}`;
  // A leftover portal on these ports would answer in place of this run's.
  for (const port of [appPort, backendPort, emulatorPort]) {
    if (!(await portIsFree(port))) {
      throw new Error(
        `port ${port} is in use (a portal left running?); free it or set E2E_APP_PORT/E2E_BACKEND_PORT/E2E_EMULATOR_PORT`,
      );
    }
  }
  const portal = spawn(
    process.execPath,
    [path.join(ROOT, 'scripts', 'start-dev.js')],
    {
      cwd: ROOT,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        EMULATOR_PORT: emulatorPort,
        SRE_CC_BACKEND_URL: backendUrl,
        SRE_CC_WEBHOOK_TOKEN: WEBHOOK_TOKEN,
        // The tests fire their own incidents.
        EMULATOR_DEMO_INTERVAL_SECONDS: '0',
        APP_CONFIG_app_baseUrl: appUrl,
        APP_CONFIG_backend_baseUrl: backendUrl,
        APP_CONFIG_backend_listen_port: backendPort,
        APP_CONFIG_backend_cors_origin: appUrl,
        APP_CONFIG_backend_database_connection: ':memory:',
        // A Backstage external access token, as a script or another system would use.
        APP_CONFIG_backend_auth_externalAccess: JSON.stringify([
          {
            type: 'static',
            options: { token: STATIC_TOKEN, subject: 'e2e-script' },
          },
        ]),
        ...env,
      },
    },
  );
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
  const ready = async (timeoutMs = 240_000) => {
    const deadline = Date.now() + timeoutMs;
    await waitFor(`${backendUrl}/api/sre-control-center/health`, deadline);
    await waitFor(appUrl, deadline);
  };
  return {
    appUrl,
    backendUrl,
    emulatorUrl: `http://127.0.0.1:${emulatorPort}`,
    staticToken: STATIC_TOKEN,
    webhookToken: WEBHOOK_TOKEN,
    log,
    logFile,
    ready,
    stop,
    stopped,
  };
}

module.exports = {
  ROOT,
  CHROMIUM,
  ensureChromium,
  startPortal,
};
