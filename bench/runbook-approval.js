#!/usr/bin/env node
/*
 * Runbook approvals: how long from an approver's click (POST /runs/:id/approve)
 * to the action's call arriving at Azure (the emulator records each App
 * Service restart with its time), and how many duplicate executions a burst
 * of parallel approvals causes (must be 0).
 *
 *   node bench/runbook-approval.js [--runs 50] [--parallel 20]
 * Starts the cloud emulator and the real backend (SQLite, guest sign-in as an
 * approver) on ports 7720/7721.
 */
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { arg, startBackend, percentile, startEmulator } = require('./lib');

const RUNS = arg('runs', 50);
const PARALLEL = arg('parallel', 20);
const EMULATOR_PORT = arg('emulator-port', 7720);
const PORT = arg('port', 7721);
const emulatorUrl = `http://127.0.0.1:${EMULATOR_PORT}`;
const api = `http://127.0.0.1:${PORT}/api/sre-control-center`;
const SYSTEM = 'system:default/mindful-moments';
const RUNBOOK = {
  name: 'Bench restart with approval',
  actions: [
    {
      type: 'restart',
      resource: 'app-mindful-moments-dev',
      approval_required: true,
    },
  ],
};

async function restarts() {
  const state = await (await fetch(`${emulatorUrl}/_emulator/state`)).json();
  return state.sites[0].restarts.map(at => Date.parse(at));
}

async function call(method, url, token, body) {
  const res = await fetch(url, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, body: await res.json() };
}

async function main() {
  const stopEmulator = await startEmulator(EMULATOR_PORT);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sre-cc-bench-runs-'));
  const backend = await startBackend({
    port: PORT,
    env: {
      SRE_CC_NO_EMULATOR: '1',
      LOG_LEVEL: 'warn',
      APP_CONFIG_sreControlCenter_azure_endpoint: emulatorUrl,
      APP_CONFIG_sreControlCenter_runbooks: JSON.stringify([RUNBOOK]),
      APP_CONFIG_backend_database_connection: JSON.stringify({
        directory: dir,
      }),
    },
  });
  try {
    // The guest is an approver in the local defaults (catalog/org.yaml).
    const refresh = await fetch(
      `http://127.0.0.1:${PORT}/api/auth/guest/refresh`,
      { headers: { 'x-requested-with': 'XMLHttpRequest' } },
    );
    const token = (await refresh.json()).backstageIdentity.token;
    const runbookId = 'bench-restart-with-approval';
    // The catalog reads the System shortly after start.
    for (let i = 0; i < 120; i++) {
      const res = await call(
        'GET',
        `${api}/runbooks?entityRef=${SYSTEM}`,
        token,
      );
      if (res.status === 200 && res.body.items.length > 0) break;
      await new Promise(r => setTimeout(r, 500));
    }

    // 1. Approve → action call at Azure, one run at a time.
    const latencies = [];
    for (let i = 0; i < RUNS; i++) {
      const created = await call('POST', `${api}/runs`, token, {
        entityRef: SYSTEM,
        runbookId,
      });
      if (created.status !== 201) throw new Error(JSON.stringify(created));
      const before = (await restarts()).length;
      const clicked = Date.now();
      const approved = await call(
        'POST',
        `${api}/runs/${created.body.id}/approve`,
        token,
        {},
      );
      if (approved.status !== 200) throw new Error(JSON.stringify(approved));
      let seen;
      for (;;) {
        const all = await restarts();
        if (all.length > before) {
          seen = all[all.length - 1];
          break;
        }
        await new Promise(r => setTimeout(r, 1));
      }
      latencies.push(seen - clicked);
    }
    latencies.sort((a, b) => a - b);

    // 2. PARALLEL approvals of each of 10 runs at once: executions counted at Azure.
    const before = (await restarts()).length;
    let winners = 0;
    let conflicts = 0;
    for (let r = 0; r < 10; r++) {
      const created = await call('POST', `${api}/runs`, token, {
        entityRef: SYSTEM,
        runbookId,
      });
      const answers = await Promise.all(
        Array.from({ length: PARALLEL }, () =>
          call('POST', `${api}/runs/${created.body.id}/approve`, token, {}),
        ),
      );
      winners += answers.filter(a => a.status === 200).length;
      conflicts += answers.filter(a => a.status === 409).length;
    }
    await new Promise(r => setTimeout(r, 2000));
    const executions = (await restarts()).length - before;

    console.log(
      'Runbook approvals (real backend on SQLite, emulator over HTTP)',
    );
    console.log(
      `  approve click → restart call at Azure, ${RUNS} runs: p50 ${percentile(
        latencies,
        50,
      )} ms, p95 ${percentile(latencies, 95)} ms, max ${
        latencies[latencies.length - 1]
      } ms`,
    );
    console.log(
      `  10 runs × ${PARALLEL} parallel approvals: ${winners} approved, ${conflicts} conflicts (409), ${executions} executions at Azure, duplicate executions: ${
        executions - 10
      }`,
    );
  } finally {
    await backend.stop();
    stopEmulator();
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
