#!/usr/bin/env node
/*
 * `npm start` (through scripts/toolchain.js): the local cloud emulator on
 * :7010, then the portal (frontend :3000, backend :7007) with SQLite.
 *
 * The webhook token is shared by the backend and the emulator's action group,
 * so it is decided here: SRE_CC_WEBHOOK_TOKEN when set, otherwise a random
 * token for this run, printed so you can post alerts yourself.
 *
 * Set SRE_CC_NO_EMULATOR=1 to run against the endpoints in your config only.
 */
'use strict';

const { spawn } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const YARN = path.join(ROOT, '.yarn', 'releases', 'yarn-4.13.0.cjs');

const env = { ...process.env };
if (!env.SRE_CC_WEBHOOK_TOKEN) {
  env.SRE_CC_WEBHOOK_TOKEN = crypto.randomBytes(24).toString('base64url');
  console.log(
    `[start] SRE_CC_WEBHOOK_TOKEN not set; this run's development token is ${env.SRE_CC_WEBHOOK_TOKEN}`,
  );
}
// The emulator signs its GitHub deliveries with the secret the backend checks.
if (!env.SRE_CC_GITHUB_WEBHOOK_SECRET) {
  env.SRE_CC_GITHUB_WEBHOOK_SECRET = crypto
    .randomBytes(24)
    .toString('base64url');
}
const backendUrl = env.SRE_CC_BACKEND_URL || 'http://localhost:7007';
const emulatorPort = env.EMULATOR_PORT || '7010';
// app-config.yaml reads these; keep them pointing at this run's emulator.
env.SRE_CC_AZURE_ENDPOINT ||= `http://127.0.0.1:${emulatorPort}`;
env.SRE_CC_GITHUB_BASE_URL ||= `http://127.0.0.1:${emulatorPort}`;
fs.mkdirSync(path.join(ROOT, '.data', 'sqlite'), { recursive: true });

const children = [];
function run(name, args, extraEnv = {}) {
  // Each child leads its own process group, so stopping it also stops the
  // processes yarn and backstage-cli start beneath it.
  const child = spawn(process.execPath, [YARN, ...args], {
    cwd: ROOT,
    env: { ...env, ...extraEnv },
    stdio: 'inherit',
    detached: true,
  });
  child.on('exit', (code, signal) => {
    if (!shuttingDown) {
      console.error(`[start] ${name} exited (${signal || code}); stopping`);
      shutdown(code || 1);
    }
  });
  children.push(child);
  return child;
}

function signalGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // the group is gone already
  }
}

let shuttingDown = false;
function shutdown(code) {
  if (shuttingDown) return;
  shuttingDown = true;
  for (const child of children) signalGroup(child, 'SIGTERM');
  // Whatever ignores SIGTERM for 5 s is killed.
  setTimeout(() => {
    for (const child of children) signalGroup(child, 'SIGKILL');
    process.exit(code);
  }, 5000).unref();
}
process.on('exit', () => {
  for (const child of children) signalGroup(child, 'SIGKILL');
});
process.on('SIGINT', () => shutdown(130));
process.on('SIGTERM', () => shutdown(143));

const hasEmulator = fs.existsSync(
  path.join(ROOT, 'packages', 'cloud-emulator', 'src', 'main.ts'),
);
if (hasEmulator && !env.SRE_CC_NO_EMULATOR) {
  run(
    'cloud emulator',
    ['workspace', '@sre-control-center/cloud-emulator', 'start'],
    {
      EMULATOR_PORT: emulatorPort,
      EMULATOR_ACTION_GROUP_URL: `${backendUrl}/api/sre-control-center/webhooks/azure-monitor?token=${encodeURIComponent(
        env.SRE_CC_WEBHOOK_TOKEN,
      )}`,
      EMULATOR_GITHUB_WEBHOOK_URL: `${backendUrl}/api/sre-control-center/webhooks/github`,
      EMULATOR_GITHUB_WEBHOOK_SECRET: env.SRE_CC_GITHUB_WEBHOOK_SECRET,
      // Demo data: an incident every two minutes unless told otherwise.
      EMULATOR_DEMO_INTERVAL_SECONDS:
        env.EMULATOR_DEMO_INTERVAL_SECONDS ?? '120',
    },
  );
}
// The local configuration on top of the one that is right everywhere.
run('portal', [
  'backstage-cli',
  'repo',
  'start',
  '--config',
  path.join(ROOT, 'app-config.yaml'),
  '--config',
  path.join(ROOT, 'app-config.development.yaml'),
  ...process.argv.slice(2),
]);
