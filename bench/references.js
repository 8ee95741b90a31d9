'use strict';
/**
 * The reference servers the ingest benchmark measures next to ours: a bare
 * Node http server and Prometheus Alertmanager (Debian package), each in its
 * own process on a port the caller picks.
 */
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ALERTMANAGER = 'prometheus-alertmanager';

function spawnGroup(command, args, options = {}) {
  const child = spawn(command, args, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    ...options,
  });
  let output = '';
  child.stdout.on('data', d => (output += d));
  child.stderr.on('data', d => (output += d));
  let exited = false;
  const gone = new Promise(resolve =>
    child.once('exit', () => {
      exited = true;
      resolve();
    }),
  );
  const stop = async () => {
    if (exited) return;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // gone already
    }
    await Promise.race([gone, new Promise(r => setTimeout(r, 5000))]);
  };
  process.on('exit', () => {
    if (!exited) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // gone already
      }
    }
  });
  return { child, stop, output: () => output, exited: () => exited };
}

async function waitUntilOk(url, proc, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (proc.exited()) break;
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not yet
    }
    await new Promise(r => setTimeout(r, 200));
  }
  await proc.stop();
  throw new Error(`${url} did not answer:\n${proc.output().slice(-2000)}`);
}

/** Bare Node http server: read the body, answer 202. */
async function startBareServer(port) {
  const proc = spawnGroup(process.execPath, [
    path.join(__dirname, 'bare-server.js'),
    String(port),
  ]);
  // Any path answers 202, including this GET.
  const deadline = Date.now() + 10_000;
  while (!proc.output().includes('listening') && Date.now() < deadline) {
    await new Promise(r => setTimeout(r, 50));
  }
  if (!proc.output().includes('listening')) {
    await proc.stop();
    throw new Error(`bare server did not start:\n${proc.output()}`);
  }
  return {
    url: `http://127.0.0.1:${port}/ingest`,
    pid: proc.child.pid,
    stop: proc.stop,
  };
}

/**
 * Installs Debian's prometheus-alertmanager when missing and we are root.
 * Returns undefined when it is available, or why it is not.
 */
function ensureAlertmanager() {
  const has = () => spawnSync(ALERTMANAGER, ['--version']).error === undefined;
  if (has()) return undefined;
  if (!process.getuid || process.getuid() !== 0) {
    return `${ALERTMANAGER} is not installed and this is not root (apt-get install -y ${ALERTMANAGER})`;
  }
  const res = spawnSync('apt-get', ['install', '-y', '-qq', ALERTMANAGER], {
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    encoding: 'utf8',
  });
  if (has()) return undefined;
  return `apt-get install ${ALERTMANAGER} failed: ${(
    res.stderr ||
    res.stdout ||
    ''
  )
    .trim()
    .split('\n')
    .pop()}`;
}

/**
 * Alertmanager with a route to a receiver that does nothing, clustering off,
 * state in a temp dir. Its ingest is `POST /api/v2/alerts` (JSON array).
 */
async function startAlertmanager(port) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sre-cc-alertmanager-'));
  const config = path.join(dir, 'alertmanager.yml');
  fs.writeFileSync(
    config,
    'route:\n  receiver: blackhole\nreceivers:\n  - name: blackhole\n',
  );
  const proc = spawnGroup(ALERTMANAGER, [
    `--config.file=${config}`,
    `--storage.path=${path.join(dir, 'data')}`,
    `--web.listen-address=127.0.0.1:${port}`,
    '--cluster.listen-address=',
  ]);
  await waitUntilOk(`http://127.0.0.1:${port}/-/ready`, proc);
  const version = spawnSync(ALERTMANAGER, ['--version'], { encoding: 'utf8' });
  return {
    url: `http://127.0.0.1:${port}/api/v2/alerts`,
    pid: proc.child.pid,
    version: (version.stdout || version.stderr || '').split('\n')[0].trim(),
    stop: async () => {
      await proc.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

module.exports = {
  spawnGroup,
  startBareServer,
  ensureAlertmanager,
  startAlertmanager,
};
