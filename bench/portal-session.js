'use strict';
/**
 * For the browser benchmarks: the whole portal (emulator, backend, frontend
 * dev server) started the way the browser tests start it (e2e/portal.js), on
 * this benchmark's own ports, and Debian's Chromium signed in as guest.
 *
 * Ports: E2E_APP_PORT / E2E_BACKEND_PORT / E2E_EMULATOR_PORT (defaults
 * 3300 / 7307 / 7310, clear of `npm start` and `node e2e/run.js`).
 * `--reuse`: a portal started by e2e/portal.js already runs on those ports.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const {
  ROOT,
  CHROMIUM,
  ensureChromium,
  startPortal,
} = require('../e2e/portal');

const ENTITY_REF = 'system:default/mindful-moments';
const CONTROL_CENTER_PATH =
  '/catalog/default/system/mindful-moments/control-center';

async function openPortal(name) {
  ensureChromium();
  process.env.CHROMIUM_PATH = CHROMIUM;
  const appPort = process.env.E2E_APP_PORT || '3300';
  const backendPort = process.env.E2E_BACKEND_PORT || '7307';
  const emulatorPort = process.env.E2E_EMULATOR_PORT || '7310';
  let portal;
  if (process.argv.includes('--reuse')) {
    portal = {
      // The log of the running portal, to count its restarts (optional).
      logFile: process.env.BENCH_PORTAL_LOG,
      appUrl: `http://localhost:${appPort}`,
      backendUrl: `http://localhost:${backendPort}`,
      staticToken: 'e2e-static-access-token-0123456789',
      webhookToken: 'e2e-webhook-token-0123456789',
      stop: () => undefined,
      stopped: Promise.resolve(),
    };
  } else {
    const started = Date.now();
    portal = await startPortal({
      appPort,
      backendPort,
      emulatorPort,
      logFile: path.join(ROOT, 'bench', '.artifacts', `${name}-portal.log`),
      env: {
        // SQLite files instead of memory: the dev backend restarts when a
        // source file changes, and seeded alerts must survive that.
        APP_CONFIG_backend_database_connection: JSON.stringify({
          directory: fs.mkdtempSync(path.join(os.tmpdir(), `sre-cc-${name}-`)),
        }),
      },
    });
    process.on('SIGINT', () => process.exit(130));
    try {
      await portal.ready(300_000);
    } catch (e) {
      portal.stop();
      throw e;
    }
    console.log(
      `[${name}] portal up in ${Math.round(
        (Date.now() - started) / 1000,
      )} s (log: ${path.relative(ROOT, portal.logFile)})`,
    );
  }
  /**
   * Restarts of the dev backend and rebuilds of the dev bundle so far (they
   * follow source edits): a measurement they overlap is disturbed.
   */
  const disturbances = () => {
    if (!portal.logFile) return { backendRestarts: 0, bundleRebuilds: 0 };
    const log = fs.readFileSync(portal.logFile, 'utf8');
    const count = re => (log.match(re) || []).length;
    return {
      backendRestarts: count(/Change detected, restarting/g),
      bundleRebuilds: count(/compiled (successfully|with)/g),
    };
  };
  const { launchBrowser } = require('../e2e/browser');
  const context = await launchBrowser();
  const api = `${portal.backendUrl}/api/sre-control-center`;
  return {
    ...portal,
    context,
    api,
    webhookUrl: `${api}/webhooks/azure-monitor?token=${encodeURIComponent(
      portal.webhookToken,
    )}`,
    controlCenterUrl: `${portal.appUrl}${CONTROL_CENTER_PATH}`,
    entityRef: ENTITY_REF,
    disturbances,
    /** Restarts and rebuilds since an earlier `disturbances()`. */
    disturbedSince(before) {
      const now = disturbances();
      return {
        backendRestarts: now.backendRestarts - before.backendRestarts,
        bundleRebuilds: now.bundleRebuilds - before.bundleRebuilds,
      };
    },
    async close() {
      await context.close().catch(() => undefined);
      portal.stop();
      await Promise.race([
        portal.stopped,
        new Promise(r => setTimeout(r, 15_000)),
      ]);
    },
  };
}

/**
 * Opens the Control Center tab, signing in as guest when asked, and waits
 * until the alert card has answered (rows or its empty state). `url`: the
 * tab on another origin serving the app (e.g. the production bundle the
 * backend serves); the dev server's by default.
 */
async function openControlCenter(
  session,
  page = undefined,
  url = session.controlCenterUrl,
) {
  const p = page ?? (await session.context.newPage());
  await p.goto(url);
  const enter = p.getByRole('button', { name: /enter/i });
  // The alert card's title (hidden elements may share the text).
  const card = p
    .getByText('Alerts', { exact: true })
    .filter({ visible: true })
    .first();
  // The dev bundle can take a while on first load.
  await enter.or(card).first().waitFor({ timeout: 180_000 });
  if (await enter.isVisible()) await enter.click();
  await card.waitFor({ timeout: 120_000 });
  return p;
}

/**
 * GET with the static external-access token (a script's credentials).
 * Status 0 when the backend does not answer (the dev backend restarting).
 */
async function apiGet(session, pathAndQuery) {
  try {
    const res = await fetch(`${session.api}${pathAndQuery}`, {
      headers: { authorization: `Bearer ${session.staticToken}` },
    });
    return { status: res.status, body: res.ok ? await res.json() : undefined };
  } catch {
    return { status: 0, body: undefined };
  }
}

module.exports = { openPortal, openControlCenter, apiGet, CONTROL_CENTER_PATH };
