#!/usr/bin/env node
/*
 * Webhook to alert: how long after its 202 an alert can be read, on SQLite
 * and on PostgreSQL (BENCH_POSTGRES), next to the ingest rate of the same run.
 *   1. one at a time: webhook POST → GET /alerts/:id answers 200 (percentiles)
 *   2. burst: N alerts posted at once (50 connections); the time until every
 *      one is an alert, as alerts/s end to end next to the 202s/s of the same
 *      burst, and the backend's CPU per delivery (ingest and processing)
 *   3. sustained storm: posting as fast as the webhook accepts for S seconds;
 *      which share was processed while the storm lasted, and the p50/p99 from
 *      a delivery's arrival to its processing (the inbox's received_at and
 *      processed_at: processed_at is written after the alert's transaction
 *      commits, so it bounds "readable" from above)
 *
 *   node bench/alert-latency.js [--sequential 200] [--burst 10000]
 *        [--storm-seconds 20] [--concurrency 50] [--db sqlite,postgresql] [--port 7208]
 */
'use strict';
const os = require('node:os');
const {
  arg,
  startBackend,
  driveLoad,
  groupCpuSeconds,
  percentile,
} = require('./lib');
const { alertBody, alertId, alertIdPattern } = require('./payloads');
const {
  benchDatabases,
  backendDatabaseEnv,
  openPluginDatabase,
  dropBenchDatabase,
} = require('./databases');

const PORT = arg('port', 7208);
const CONCURRENCY = arg('concurrency', 50);
const TOKEN = 'bench-webhook-token-0123456789';
const READ_TOKEN = 'bench-read-token-0123456789';
const api = `http://127.0.0.1:${PORT}/api/sre-control-center`;
const webhook = `${api}/webhooks/azure-monitor?token=${TOKEN}`;
const auth = { authorization: `Bearer ${READ_TOKEN}` };
const sleep = ms => new Promise(r => setTimeout(r, ms));
const round1 = n => Number(n.toFixed(1));

async function post(i, prefix) {
  const res = await fetch(webhook, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: alertBody(i, prefix),
  });
  if (res.status !== 202) throw new Error(`webhook answered ${res.status}`);
}

async function readable(i, prefix, deadline) {
  const url = `${api}/alerts/${encodeURIComponent(alertId(i, prefix))}`;
  while (Date.now() < deadline) {
    const res = await fetch(url, { headers: auth });
    if (res.status === 200) return true;
    await sleep(2);
  }
  return false;
}

const toMs = v =>
  v instanceof Date ? v.getTime() : typeof v === 'number' ? v : Date.parse(v);

async function countAlerts(conn, prefix) {
  const [row] = await conn.query(
    'select count(*) as n from alerts where id like ?',
    [alertIdPattern(prefix)],
  );
  return Number(row.n);
}

async function sequential(n, dbName) {
  const latencies = [];
  for (let i = 0; i < n; i++) {
    const t0 = process.hrtime.bigint();
    await post(i, 'seq');
    if (!(await readable(i, 'seq', Date.now() + 10_000)))
      throw new Error(`alert seq-${i} not readable`);
    latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  latencies.sort((a, b) => a - b);
  return {
    bench: `one at a time: 202 → GET /alerts/:id 200 (${dbName})`,
    alerts: n,
    'p50 ms': round1(percentile(latencies, 50)),
    'p99 ms': round1(percentile(latencies, 99)),
    'max ms': round1(latencies[latencies.length - 1]),
  };
}

async function burst(n, backend, conn, dbName) {
  const cpu0 = groupCpuSeconds(backend.pid);
  const started = Date.now();
  const load = await driveLoad({
    url: webhook,
    body: i => alertBody(i, 'burst'),
    concurrency: CONCURRENCY,
    total: n,
    maxSeconds: 120,
  });
  const accepted = load.statuses.get(202) || 0;
  const processedAtIngestEnd = await countAlerts(conn, 'burst');
  const deadline = Date.now() + 300_000;
  let count = processedAtIngestEnd;
  while (count < accepted && Date.now() < deadline) {
    await sleep(50);
    count = await countAlerts(conn, 'burst');
  }
  const seconds = (Date.now() - started) / 1000;
  const cpu1 = groupCpuSeconds(backend.pid);
  // The API agrees with the table: the last alert and a sample are readable.
  let missing = 0;
  for (let i = 0; i < accepted; i += Math.max(1, Math.floor(accepted / 50))) {
    if (!(await readable(i, 'burst', Date.now() + 5_000))) missing++;
  }
  return {
    bench: `burst of ${n}: all alerts readable (${dbName})`,
    accepted,
    'ingest 202/s': Math.round(accepted / load.seconds),
    'alerts/s end to end': Math.round(count / seconds),
    'all readable s': round1(seconds),
    'processed by end of ingest': processedAtIngestEnd,
    'CPU ms/delivery':
      cpu0 === undefined ? undefined : round1(((cpu1 - cpu0) * 1000) / count),
    'sampled missing in API': missing,
    lost: accepted - count,
  };
}

async function storm(seconds, conn, dbName) {
  const [{ max }] = await conn.query('select max(id) as max from inbox');
  const started = Date.now();
  const load = await driveLoad({
    url: webhook,
    body: i => alertBody(i, 'storm'),
    concurrency: CONCURRENCY,
    total: Number.POSITIVE_INFINITY,
    maxSeconds: seconds,
  });
  const ended = Date.now();
  const accepted = load.statuses.get(202) || 0;
  const deadline = Date.now() + 300_000;
  while (
    (await countAlerts(conn, 'storm')) < accepted &&
    Date.now() < deadline
  ) {
    await sleep(100);
  }
  const rows = await conn.query(
    'select received_at, processed_at from inbox where id > ?',
    [Number(max ?? 0)],
  );
  const delays = rows
    .filter(r => r.processed_at !== null)
    .map(r => toMs(r.processed_at) - toMs(r.received_at))
    .sort((a, b) => a - b);
  const duringStorm = rows.filter(
    r => r.processed_at !== null && toMs(r.processed_at) <= ended,
  ).length;
  return {
    bench: `sustained storm for ${seconds} s at the full ingest rate (${dbName})`,
    accepted,
    'ingest 202/s': Math.round(accepted / ((ended - started) / 1000)),
    'processed during the storm %': Math.round((100 * duringStorm) / accepted),
    'received → processed p50 ms': round1(percentile(delays, 50)),
    'received → processed p99 ms': round1(percentile(delays, 99)),
    'max ms': round1(delays[delays.length - 1] ?? NaN),
  };
}

async function measure(db) {
  const dbName = db.kind;
  const backend = await startBackend({
    port: PORT,
    env: {
      SRE_CC_WEBHOOK_TOKEN: TOKEN,
      LOG_LEVEL: 'warn',
      APP_CONFIG_backend_auth_externalAccess: JSON.stringify([
        { type: 'static', options: { token: READ_TOKEN, subject: 'bench' } },
      ]),
      // No emulator here: reconciliation would only add noise.
      APP_CONFIG_sreControlCenter_azure_endpoint: 'http://127.0.0.1:9',
      ...backendDatabaseEnv(db),
    },
  });
  const rows = [];
  let conn;
  try {
    // The catalog must have read catalog-info.yaml before alerts find their System.
    await post(0, 'warmup');
    if (!(await readable(0, 'warmup', Date.now() + 120_000))) {
      throw new Error('the warm-up alert never became readable');
    }
    conn = await openPluginDatabase(db);
    rows.push(await sequential(arg('sequential', 200), dbName));
    rows.push(await burst(arg('burst', 10_000), backend, conn, dbName));
    rows.push(await storm(arg('storm-seconds', 20), conn, dbName));
  } finally {
    await conn?.close();
    await backend.stop();
  }
  for (const row of rows) {
    row['load avg'] = round1(os.loadavg()[0]);
  }
  return rows;
}

async function main() {
  const notes = [];
  const only = arg('db', 'sqlite,postgresql').split(',');
  const rows = [];
  for (const db of benchDatabases({ only, notes })) {
    try {
      const measured = await measure(db);
      for (const row of measured) console.log(JSON.stringify(row));
      rows.push(...measured);
    } finally {
      await dropBenchDatabase(db);
    }
  }
  console.log(
    `\n${os.cpus().length} cores, Node ${
      process.version
    }, ${CONCURRENCY} connections; ` +
      'the reference is the ingest rate (202s/s) of the same burst or storm',
  );
  console.table(
    rows.map(({ bench, ...rest }) => ({ bench, ...rest })),
    undefined,
  );
  for (const note of notes) console.log(`note: ${note}`);
  if (rows.some(r => r.lost > 0)) process.exitCode = 1;
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
