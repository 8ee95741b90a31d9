#!/usr/bin/env node
/*
 * Ingest under an alert storm: Azure Monitor deliveries POSTed to
 * /webhooks/azure-monitor through the real backend (all of Backstage's
 * middleware), each stored in the inbox before its 202, measured side by side
 * in the same run with references on the same machine:
 *   - the same backend's no-op plugin route (bench/backend/noopPlugin.ts):
 *     reads the body, answers 202; the ceiling of Backstage's HTTP stack
 *   - a bare Node http server doing the same (bench/bare-server.js)
 *   - Prometheus Alertmanager's own ingest, POST /api/v2/alerts (Debian
 *     package prometheus-alertmanager; installed when missing and root)
 * Every request carries a new alert id. For ours, the inbox must hold one row
 * per 202 (zero loss). Prints one table.
 *
 *   node bench/webhook-ingest.js [--connections 50] [--seconds 15] [--warmup 3]
 *        [--rounds 2] [--port 7207] (uses port .. port+3) [--driver wrk|node]
 * SQLite always; PostgreSQL too with BENCH_POSTGRES=postgresql://root@127.0.0.1:5432
 *
 * Load comes from wrk in its own process when installed (apt-get install wrk),
 * otherwise from a Node client in this process; either way never from the
 * server's process. With wrk the run stops on time, so up to one request per
 * connection can be stored but never answered: those show as "unanswered".
 */
'use strict';
const os = require('node:os');
const {
  arg,
  startBackend,
  driveLoad,
  cpuSeconds,
  percentile,
} = require('./lib');
const { alertBody } = require('./payloads');
const {
  benchDatabases,
  backendDatabaseEnv,
  openPluginDatabase,
  dropBenchDatabase,
} = require('./databases');
const { PLACEHOLDER, runWrk, wrkAvailable } = require('./wrk');
const {
  startBareServer,
  ensureAlertmanager,
  startAlertmanager,
} = require('./references');

const TOKEN = 'bench-webhook-token-0123456789';
const BASE_PORT = arg('port', 7207);
const CONNECTIONS = arg('connections', 50);
const SECONDS = arg('seconds', 15);
const WARMUP = arg('warmup', 3);
const ROUNDS = arg('rounds', 2);
const DRIVER = arg('driver', wrkAvailable() ? 'wrk' : 'node');
/** Which stacks to run: sqlite, postgresql, bare, alertmanager. */
const STACKS = arg('stacks', 'sqlite,postgresql,bare,alertmanager').split(',');

/**
 * One load run against the server process `pid`: wrk (template with
 * PLACEHOLDER) or the Node client. Adds the server's CPU time and the
 * machine's load average, to tell a slow stack from a busy machine.
 */
async function load(url, makeBody, seconds, pid) {
  const cpuBefore = cpuSeconds(pid);
  const result = await loadOnce(url, makeBody, seconds);
  const cpu = cpuSeconds(pid) - cpuBefore;
  return { ...result, cpu, loadavg: os.loadavg()[0] };
}

async function loadOnce(url, makeBody, seconds) {
  if (DRIVER === 'wrk') {
    return runWrk({
      url,
      template: makeBody(PLACEHOLDER),
      connections: CONNECTIONS,
      seconds,
    });
  }
  const result = await driveLoad({
    url,
    body: i => makeBody(`n${i}-${Date.now()}`),
    concurrency: CONNECTIONS,
    total: Infinity,
    maxSeconds: seconds,
  });
  const sorted = [...result.latencies].sort((a, b) => a - b);
  return {
    ...result,
    percentiles: {
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      max: sorted[sorted.length - 1],
    },
  };
}

/** Alertmanager's API takes a list of alerts; one per request, like Azure. */
function alertmanagerBody(id) {
  return JSON.stringify([
    {
      labels: {
        alertname: 'alert-high-response-time',
        alert_id: String(id),
        severity: 'warning',
        resource: 'app-mindful-moments-dev',
      },
      annotations: { description: 'Average response time above 2 s' },
      startsAt: new Date().toISOString(),
      generatorURL: 'http://bench.invalid/graph',
    },
  ]);
}

function row(stack, result, extra = {}) {
  const answered2xx = [...result.statuses]
    .filter(([status]) => status >= 200 && status < 300)
    .reduce((n, [, c]) => n + c, 0);
  return {
    stack,
    'req/s': Math.round(answered2xx / result.seconds),
    'p50 ms': Number(result.percentiles.p50.toFixed(1)),
    'p99 ms': Number(result.percentiles.p99.toFixed(1)),
    errors: result.count - answered2xx + (result.statuses.get('error') || 0),
    'CPU ms/req':
      result.cpu === undefined || !answered2xx
        ? undefined
        : Number(((1000 * result.cpu) / answered2xx).toFixed(3)),
    load: Number(result.loadavg.toFixed(1)),
    answered2xx,
    ...extra,
  };
}

/** The round with the most answers per second: the one least disturbed by the rest of the machine. */
function best(rows) {
  return rows.reduce((a, b) => (b['req/s'] > a['req/s'] ? b : a));
}

/** Runs a reference stack ROUNDS times after a warm-up; returns its best row. */
async function measureReference(stack, url, makeBody, pid) {
  await load(url, id => makeBody(`warm-${id}`), WARMUP, pid);
  const rounds = [];
  for (let i = 0; i < ROUNDS; i++) {
    const r = row(stack, await load(url, makeBody, SECONDS, pid), {
      round: i + 1,
    });
    console.log(JSON.stringify(r));
    rounds.push(r);
  }
  return best(rounds);
}

/** Counts inbox rows of one backend's database. */
function inboxCounter(db) {
  return async () => {
    const conn = await openPluginDatabase(db);
    try {
      const [row] = await conn.query('select count(*) as n from inbox');
      return Number(row.n);
    } finally {
      await conn.close();
    }
  };
}

function backendEnv(db) {
  return {
    SRE_CC_WEBHOOK_TOKEN: TOKEN,
    LOG_LEVEL: 'warn',
    // No emulator here: reconciliation and cost refresh would only add noise.
    APP_CONFIG_sreControlCenter_azure_endpoint: 'http://127.0.0.1:9',
    ...backendDatabaseEnv(db),
  };
}

/** The no-op route and our webhook, in one backend on one database. */
async function measureBackend(db, port) {
  const backend = await startBackend({
    port,
    entry: 'bench',
    env: backendEnv(db),
  });
  const base = `http://127.0.0.1:${port}/api`;
  const noopUrl = `${base}/bench-noop/ingest`;
  const webhookUrl = `${base}/sre-control-center/webhooks/azure-monitor?token=${TOKEN}`;
  const countInbox = inboxCounter(db);
  try {
    // Warm-up before each: JIT, connection pool, first inserts.
    await load(noopUrl, id => alertBody(id, 'warm-noop'), WARMUP, backend.pid);
    await load(webhookUrl, id => alertBody(id, 'warm'), WARMUP, backend.pid);
    // Rounds alternate, so both routes see the same machine.
    const noopRounds = [];
    const oursRounds = [];
    for (let i = 0; i < ROUNDS; i++) {
      const noop = row(
        `Backstage no-op plugin route (${db.kind})`,
        await load(
          noopUrl,
          id => alertBody(id, `noop${i}`),
          SECONDS,
          backend.pid,
        ),
        { round: i + 1 },
      );
      console.log(JSON.stringify(noop));
      noopRounds.push(noop);
      await new Promise(r => setTimeout(r, 1000)); // answers in flight at the cutoff
      const before = await countInbox();
      const result = await load(
        webhookUrl,
        id => alertBody(id, `storm${i}`),
        SECONDS,
        backend.pid,
      );
      await new Promise(r => setTimeout(r, 1000));
      const rows = (await countInbox()) - before;
      const accepted = result.statuses.get(202) || 0;
      // wrk hangs up on time: a request in flight then may be stored, never answered.
      const unanswered = rows - accepted;
      const lossOk =
        DRIVER === 'wrk'
          ? unanswered >= 0 && unanswered <= CONNECTIONS
          : unanswered === 0;
      const ours = row(`ours: webhook → inbox (${db.kind})`, result, {
        round: i + 1,
        'inbox rows': rows,
        loss: lossOk
          ? `none (${rows} rows, ${accepted} 202s${
              unanswered ? `, ${unanswered} unanswered at cutoff` : ''
            })`
          : `MISMATCH: ${rows} rows vs ${accepted} 202s`,
        lossOk,
      });
      ours['vs no-op'] = `${Math.round(
        (100 * ours['req/s']) / noop['req/s'],
      )} %`;
      console.log(JSON.stringify(ours));
      oursRounds.push(ours);
    }
    const noop = best(noopRounds);
    const ours = best(oursRounds);
    ours['vs no-op'] = `${Math.round((100 * ours['req/s']) / noop['req/s'])} %`;
    // Zero loss must hold in every round, not only the best.
    if (oursRounds.some(r => !r.lossOk)) {
      ours.lossOk = false;
      ours.loss = oursRounds.find(r => !r.lossOk).loss;
    }
    return [noop, ours];
  } finally {
    await backend.stop();
  }
}

function printTable(rows) {
  const columns = [
    'stack',
    'req/s',
    'p50 ms',
    'p99 ms',
    'errors',
    'CPU ms/req',
    'load',
    'vs no-op',
    'loss',
  ];
  const cell = (r, c) => (r[c] === undefined ? '' : String(r[c]));
  const widths = columns.map(c =>
    Math.max(c.length, ...rows.map(r => cell(r, c).length)),
  );
  const line = cells => cells.map((c, i) => c.padEnd(widths[i])).join(' | ');
  console.log(line(columns));
  console.log(widths.map(w => '-'.repeat(w)).join('-|-'));
  for (const r of rows) console.log(line(columns.map(c => cell(r, c))));
}

async function measureBare() {
  const bare = await startBareServer(BASE_PORT + 2);
  try {
    return await measureReference(
      'bare Node http server',
      bare.url,
      id => alertBody(id, 'bare'),
      bare.pid,
    );
  } finally {
    await bare.stop();
  }
}

async function measureAlertmanager() {
  const am = await startAlertmanager(BASE_PORT + 3);
  try {
    const version = am.version
      .replace(/^alertmanager, version /, '')
      .replace(/ .*/, '');
    return await measureReference(
      `Alertmanager ${version} POST /api/v2/alerts`,
      am.url,
      alertmanagerBody,
      am.pid,
    );
  } finally {
    await am.stop();
  }
}

async function main() {
  console.log(
    `webhook ingest: ${CONNECTIONS} connections, ${ROUNDS} x ${SECONDS} s per stack (+${WARMUP} s warm-up), load from ${
      DRIVER === 'wrk' ? 'wrk (own process)' : 'a Node client (bench process)'
    }, ${os.cpus().length} cores, Node ${process.version}; ` +
      'backend: bench/backend/index.ts = the features of packages/backend/src/index.ts + bench-noop',
  );
  const rows = [];
  const notes = [];
  const databases = benchDatabases({ only: STACKS, notes });
  for (const db of databases) {
    try {
      rows.push(...(await measureBackend(db, BASE_PORT)));
    } finally {
      await dropBenchDatabase(db);
    }
  }

  if (STACKS.includes('bare')) {
    rows.push(await measureBare());
  }
  if (STACKS.includes('alertmanager')) {
    const whyNot = ensureAlertmanager();
    if (whyNot) notes.push(`Alertmanager reference skipped: ${whyNot}`);
    else rows.push(await measureAlertmanager());
  }
  console.log(
    `\nBest of ${ROUNDS} rounds per stack (every round above as JSON); CPU ms/req: the server process only (not PostgreSQL, not the load generator); load: 1-minute load average after the round`,
  );
  printTable(rows);
  for (const note of notes) console.log(`note: ${note}`);
  const pg = rows.find(
    r => r.stack.startsWith('ours') && /postgres/.test(r.stack),
  );
  if (pg) {
    const noop = rows.find(r => /no-op.*postgres/.test(r.stack));
    const share = pg['req/s'] / noop['req/s'];
    const met = share >= 0.8 && pg['p99 ms'] < 50 && pg.lossOk;
    console.log(
      `target on PostgreSQL (>= 80 % of the no-op route, p99 < 50 ms, zero loss): ${
        met ? 'met' : 'NOT met'
      } (${Math.round(share * 100)} %, p99 ${pg['p99 ms']} ms, loss ${
        pg.lossOk ? 'none' : 'yes'
      })`,
    );
  }
  if (rows.some(r => r.lossOk === false)) process.exitCode = 1;
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
