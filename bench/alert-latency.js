#!/usr/bin/env node
/*
 * Webhook to alert: how long after its 202 an alert can be read from the API
 * (the same moment its signal is published to browsers).
 *   1. one at a time: latency percentiles of webhook POST → GET /alerts/:id is 200
 *   2. a burst posted at once: time until every alert is readable (alerts/s)
 *
 *   node bench/alert-latency.js [--sequential 200] [--burst 2000] [--concurrency 50]
 */
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { startBackend, driveLoad } = require('./lib');
const { alertBody, alertId } = require('./payloads');

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

const PORT = arg('port', 7208);
const TOKEN = 'bench-webhook-token-0123456789';
const READ_TOKEN = 'bench-read-token-0123456789';
const api = `http://127.0.0.1:${PORT}/api/sre-control-center`;
const auth = { authorization: `Bearer ${READ_TOKEN}` };

async function post(i, prefix) {
  const res = await fetch(`${api}/webhooks/azure-monitor?token=${TOKEN}`, {
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
    await new Promise(r => setTimeout(r, 2));
  }
  return false;
}

function pct(sorted, p) {
  return sorted[
    Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))
  ];
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sre-cc-bench-'));
  const backend = await startBackend({
    port: PORT,
    env: {
      SRE_CC_WEBHOOK_TOKEN: TOKEN,
      LOG_LEVEL: 'warn',
      APP_CONFIG_backend_database_connection: JSON.stringify({
        directory: dir,
      }),
      APP_CONFIG_backend_auth_externalAccess: JSON.stringify([
        { type: 'static', options: { token: READ_TOKEN, subject: 'bench' } },
      ]),
      // No emulator here: reconciliation would only add noise.
      APP_CONFIG_sreControlCenter_azure_endpoint: 'http://127.0.0.1:9',
    },
  });
  try {
    // The catalog must have read catalog-info.yaml before alerts can find their System.
    await post(0, 'warmup');
    if (!(await readable(0, 'warmup', Date.now() + 120_000))) {
      // Deliveries that arrived before the catalog was ready wait for the scheduled drain.
      throw new Error('the warm-up alert never became readable');
    }

    const n = arg('sequential', 200);
    const latencies = [];
    for (let i = 0; i < n; i++) {
      const t0 = process.hrtime.bigint();
      await post(i, 'seq');
      if (!(await readable(i, 'seq', Date.now() + 10_000)))
        throw new Error(`alert seq-${i} not readable`);
      latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    latencies.sort((a, b) => a - b);
    console.log(
      JSON.stringify({
        bench: 'webhook → alert readable, one at a time (sqlite)',
        alerts: n,
        'p50 ms': Number(pct(latencies, 50).toFixed(1)),
        'p95 ms': Number(pct(latencies, 95).toFixed(1)),
        'p99 ms': Number(pct(latencies, 99).toFixed(1)),
        'max ms': Number(latencies[latencies.length - 1].toFixed(1)),
      }),
    );

    const burst = arg('burst', 2000);
    const started = Date.now();
    const load = await driveLoad({
      url: `${api}/webhooks/azure-monitor?token=${TOKEN}`,
      body: i => alertBody(i, 'burst'),
      concurrency: arg('concurrency', 50),
      total: burst,
      maxSeconds: 60,
    });
    const accepted = load.statuses.get(202) || 0;
    const ok = await readable(accepted - 1, 'burst', Date.now() + 120_000);
    let missing = 0;
    for (let i = 0; i < accepted; i += Math.max(1, Math.floor(accepted / 50))) {
      if (!(await readable(i, 'burst', Date.now() + 5_000))) missing++;
    }
    const seconds = (Date.now() - started) / 1000;
    console.log(
      JSON.stringify({
        bench: 'burst: webhooks accepted → all alerts readable (sqlite)',
        accepted,
        'ingest s': Number(load.seconds.toFixed(2)),
        'all readable s': Number(seconds.toFixed(2)),
        'alerts/s end to end': Math.round(accepted / seconds),
        'sampled missing': missing,
        lastReadable: ok,
      }),
    );
  } finally {
    backend.stop();
  }
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
