'use strict';
/** Small helpers shared by the benchmarks: start the backend alone, drive load, print figures. */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const YARN = path.join(ROOT, '.yarn', 'releases', 'yarn-4.13.0.cjs');

/**
 * The backend the benchmarks drive. `production`: packages/backend as
 * `yarn workspace backend start` runs it. `bench`: bench/backend/index.ts,
 * the same features plus the bench-noop reference route, run through the
 * same TypeScript loader that `backstage-cli package start` uses, with the
 * same working directory (so app-config.yaml and its relative paths match).
 */
/** The local configuration, as `npm start` loads it. */
const CONFIG_ARGS = [
  '--config',
  path.join(ROOT, 'app-config.yaml'),
  '--config',
  path.join(ROOT, 'app-config.development.yaml'),
];

function backendCommand(entry) {
  if (entry === 'production') {
    return [
      process.execPath,
      [YARN, 'workspace', 'backend', 'start', ...CONFIG_ARGS],
    ];
  }
  const transform = require.resolve(
    '@backstage/cli-node/config/nodeTransform.cjs',
    { paths: [ROOT] },
  );
  return [
    process.execPath,
    [
      '--enable-source-maps',
      '--require',
      transform,
      path.join(__dirname, 'backend', 'index.ts'),
      ...CONFIG_ARGS,
    ],
  ];
}

/** Starts a backend on `port` with extra env (APP_CONFIG_* overrides); resolves when healthy. */
async function startBackend({
  port,
  env = {},
  entry = 'production',
  timeoutMs = 120_000,
}) {
  const [command, args] = backendCommand(entry);
  const child = spawn(command, args, {
    cwd: entry === 'production' ? ROOT : path.join(ROOT, 'packages', 'backend'),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      NODE_ENV: 'development',
      ...process.env,
      APP_CONFIG_backend_baseUrl: `http://localhost:${port}`,
      APP_CONFIG_backend_listen_port: String(port),
      ...env,
    },
  });
  let output = '';
  child.stdout.on('data', d => (output += d));
  child.stderr.on('data', d => (output += d));
  const exited = new Promise(resolve => child.once('exit', resolve));
  /** Resolves when the backend has exited (or after 15 s). */
  const stop = () => {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // gone already
    }
    return Promise.race([exited, new Promise(r => setTimeout(r, 15_000))]);
  };
  process.on('exit', stop);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(
        `http://127.0.0.1:${port}/api/sre-control-center/health`,
      );
      if (res.ok) return { pid: child.pid, stop, output: () => output };
    } catch {
      // not yet
    }
    await new Promise(r => setTimeout(r, 500));
  }
  stop();
  throw new Error(`backend did not start in time:\n${output.slice(-3000)}`);
}

/**
 * Starts the cloud emulator (`yarn workspace @sre-control-center/cloud-emulator
 * start`) on `port` in its own process group; resolves, once it answers its
 * health route, a function that stops it (also called on exit).
 */
async function startEmulator(port) {
  const child = spawn(
    process.execPath,
    [YARN, 'workspace', '@sre-control-center/cloud-emulator', 'start'],
    {
      cwd: ROOT,
      detached: true,
      stdio: 'ignore',
      env: { ...process.env, EMULATOR_PORT: String(port) },
    },
  );
  const stop = () => {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // gone already
    }
  };
  process.on('exit', stop);
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/_emulator/health`)).ok)
        return stop;
    } catch {
      // not yet
    }
    await new Promise(r => setTimeout(r, 500));
  }
  stop();
  throw new Error('emulator did not start');
}

/**
 * Sends requests from `concurrency` workers until `total` are done or
 * `maxSeconds` pass (both bound the load). Returns latencies and statuses.
 */
async function driveLoad({
  url,
  method = 'POST',
  body,
  headers = {},
  concurrency,
  total,
  maxSeconds,
}) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const target = new URL(url);
  const latencies = [];
  const statuses = new Map();
  let sent = 0;
  const started = process.hrtime.bigint();
  const deadline = Date.now() + maxSeconds * 1000;
  const payload = typeof body === 'function' ? null : Buffer.from(body ?? '');

  function once(i) {
    const data = payload ?? Buffer.from(body(i));
    return new Promise(resolve => {
      const t0 = process.hrtime.bigint();
      const req = http.request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          path: target.pathname + target.search,
          method,
          headers: {
            'content-type': 'application/json',
            'content-length': data.length,
            ...headers,
          },
        },
        res => {
          res.resume();
          res.on('end', () => {
            latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
            statuses.set(
              res.statusCode,
              (statuses.get(res.statusCode) || 0) + 1,
            );
            resolve();
          });
        },
      );
      req.on('error', () => {
        statuses.set('error', (statuses.get('error') || 0) + 1);
        resolve();
      });
      req.end(data);
    });
  }

  async function worker() {
    while (sent < total && Date.now() < deadline) {
      const i = sent++;
      await once(i);
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  agent.destroy();
  return { latencies, statuses, seconds, count: latencies.length };
}

/**
 * `--name value` from the command line: a number when the fallback is one,
 * otherwise the string; the fallback when absent.
 */
function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const value = process.argv[i + 1];
  return typeof fallback === 'number' ? Number(value) : value;
}

const CLOCK_TICKS = 100; // sysconf(_SC_CLK_TCK) on Linux

/**
 * CPU seconds (user + system) a process has used, from /proc; undefined where
 * there is no /proc. Per request, this is what a stack costs whatever else
 * the machine is doing, unlike req/s.
 */
function cpuSeconds(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start at index 2.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return undefined;
  }
}

/**
 * CPU seconds of every process in a process group (a backend started through
 * yarn is yarn plus the node process it runs); undefined without /proc.
 */
function groupCpuSeconds(pgid) {
  let total = 0;
  let seen = false;
  let entries;
  try {
    entries = fs.readdirSync('/proc');
  } catch {
    return undefined;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) !== pgid) continue;
      total += (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
      seen = true;
    } catch {
      // the process ended meanwhile
    }
  }
  return seen ? total : undefined;
}

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[
    Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))
  ];
}

function summarize(name, { latencies, statuses, seconds, count }) {
  const sorted = [...latencies].sort((a, b) => a - b);
  const row = {
    bench: name,
    requests: count,
    seconds: Number(seconds.toFixed(2)),
    'req/s': Math.round(count / seconds),
    'p50 ms': Number(percentile(sorted, 50).toFixed(1)),
    'p95 ms': Number(percentile(sorted, 95).toFixed(1)),
    'p99 ms': Number(percentile(sorted, 99).toFixed(1)),
    statuses: Object.fromEntries(statuses),
  };
  console.log(JSON.stringify(row));
  return row;
}

module.exports = {
  ROOT,
  arg,
  startEmulator,
  startBackend,
  driveLoad,
  cpuSeconds,
  groupCpuSeconds,
  percentile,
  summarize,
};
