#!/usr/bin/env node
/*
 * GitHub issues: what the sync costs and how fast a delivery reaches the card.
 *   1. GitHub requests and rate-limit cost per sync (counted at the emulator):
 *      the first sync, an unchanged repository (conditional requests, 304),
 *      after one issue changed; and the cost per hour at the default schedule.
 *   2. Webhook → card: an issue the SRE agent opens at the emulator (signed
 *      webhook to a real backend) until GET /issues lists it linked to its
 *      alert (the moment issues.changed is published to open pages).
 *
 *   node bench/github.js [--issues 150] [--latency 30] [--port 7211]
 */
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
require(require.resolve('@backstage/cli-node/config/nodeTransform.cjs', {
  paths: [ROOT],
}));
const { arg, startBackend } = require('./lib');

const from = (pkg, file) => path.join(ROOT, pkg, file);
const backendModule = file =>
  require(from('plugins/sre-control-center-backend', file));
const SYNC_INTERVAL_S = 60;

async function syncCosts(emulatorPkg) {
  const emulator = await emulatorPkg.startCloudEmulator();
  const knex = require(require.resolve('knex', {
    paths: [from('plugins/sre-control-center-backend', '')],
  }))({
    client: 'better-sqlite3',
    connection: ':memory:',
    useNullAsDefault: true,
  });
  const { migrationsDir } = backendModule('src/store/migrations.ts');
  await knex.migrate.latest({ directory: migrationsDir });
  const { DatabaseIssueStore } = backendModule(
    'src/store/DatabaseIssueStore.ts',
  );
  const { OctokitIssueApi } = backendModule(
    'src/adapters/github/OctokitIssueApi.ts',
  );
  const { IssueSync, IssueTracker } = backendModule(
    'src/domain/issues/index.ts',
  );
  const { ConfigReader } = require(require.resolve('@backstage/config', {
    paths: [from('plugins/sre-control-center-backend', '')],
  }));
  const repo = emulator.state.github.repos[0];
  const template = repo.issues.find(
    i => i.user.login === emulatorPkg.SRE_AGENT_LOGIN,
  );
  const now = new Date().toISOString();
  for (let n = 0; n < arg('issues', 150); n++) {
    repo.issues.push({
      ...template,
      id: 6_000_000 + n,
      number: 200 + n,
      title: `[SRE Agent] incident ${n}`,
      state: 'open',
      closed_at: null,
      comments: [],
      created_at: now,
      updated_at: now,
    });
  }
  const store = new DatabaseIssueStore(knex);
  const slug = `${emulatorPkg.GITHUB_OWNER}/${emulatorPkg.GITHUB_REPO}`;
  const systems = {
    list: async () => [{ entityRef: 'system:default/mindful-moments', slug }],
    slugOf: async () => slug,
  };
  const tracker = new IssueTracker({
    store,
    systems,
    alerts: { firedSince: async () => [] },
    publisher: { issuesChanged: async () => {} },
    agentLogins: [emulatorPkg.SRE_AGENT_LOGIN],
    labels: [],
    linkWindowMs: 6 * 3_600_000,
  });
  const logger = {
    warn() {},
    error() {},
    info() {},
    debug() {},
    child() {
      return logger;
    },
  };
  const api = OctokitIssueApi.fromConfig(
    new ConfigReader({
      integrations: {
        github: [
          { host: 'github.com', apiBaseUrl: emulator.url, token: 'ghp_bench' },
        ],
      },
    }),
    { logger },
  );
  const sync = new IssueSync({
    tracker,
    store,
    systems,
    github: api,
    closedWindowDays: 30,
  });
  const measure = async label => {
    const before = emulator.state.github.requests?.length ?? 0;
    const used = emulator.state.github.rateLimit?.used ?? 0;
    const t0 = process.hrtime.bigint();
    const report = await sync.sync();
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    const made = (emulator.state.github.requests ?? []).slice(before);
    const cost = (emulator.state.github.rateLimit?.used ?? 0) - used;
    console.log(
      `  ${label.padEnd(28)} ${made.length} requests (${
        made.filter(r => r.status === 304).length
      } × 304), rate-limit cost ${cost}, ${
        report.changed
      } issues changed, ${ms.toFixed(0)} ms`,
    );
    return { requests: made.length, cost };
  };
  console.log(
    `1. sync of ${repo.issues.length} issues (open list in pages of 100, closed list of 30 days)`,
  );
  await measure('first sync');
  const unchanged = await measure('unchanged repository');
  const changed = repo.issues.find(i => i.number === 210);
  changed.title = 'Renamed';
  changed.updated_at = new Date(Date.now() + 1000).toISOString();
  const oneChange = await measure('after one issue changed');
  const perHour = 3600 / SYNC_INTERVAL_S;
  console.log(
    `  per hour at the default schedule (every ${SYNC_INTERVAL_S} s): ${
      perHour * unchanged.requests
    } requests, rate-limit cost ${
      perHour * unchanged.cost
    } when nothing changes; at most ${
      perHour * oneChange.cost
    } if something changed before every sync (of 5000/h for a token, 5000+/h for an App installation)`,
  );
  await knex.destroy();
  await emulator.close();
}

async function webhookLatency(emulatorPkg) {
  const PORT = arg('port', 7211);
  const READ_TOKEN = 'bench-read-token-0123456789';
  const SECRET = 'bench-github-secret-0123456789';
  const emulator = await emulatorPkg.startCloudEmulator({
    scenarioDelays: { agentAckAfterMs: 0 },
  });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sre-cc-bench-gh-'));
  const backend = await startBackend({
    port: PORT,
    env: {
      SRE_CC_WEBHOOK_TOKEN: 'bench-webhook-token-0123456789',
      SRE_CC_GITHUB_WEBHOOK_SECRET: SECRET,
      SRE_CC_GITHUB_BASE_URL: emulator.url,
      SRE_CC_AZURE_ENDPOINT: emulator.url,
      LOG_LEVEL: 'warn',
      APP_CONFIG_backend_database_connection: JSON.stringify({
        directory: dir,
      }),
      APP_CONFIG_backend_auth_externalAccess: JSON.stringify([
        { type: 'static', options: { token: READ_TOKEN, subject: 'bench' } },
      ]),
    },
  });
  emulator.setGithubWebhook(
    `http://127.0.0.1:${PORT}/api/sre-control-center/webhooks/github`,
    SECRET,
  );
  const { Octokit } = require(require.resolve('octokit', {
    paths: [from('plugins/sre-control-center-backend', '')],
  }));
  const agent = new Octokit({
    baseUrl: emulator.url,
    auth: 'ghs_sre-agent',
    throttle: { enabled: false },
  });
  const list = async () => {
    const res = await fetch(
      `http://127.0.0.1:${PORT}/api/sre-control-center/issues?entityRef=system:default/mindful-moments`,
      { headers: { authorization: `Bearer ${READ_TOKEN}` } },
    );
    return res.ok ? res.json() : { items: [] };
  };
  try {
    // The catalog must have read catalog-info.yaml first.
    const ready = Date.now() + 120_000;
    while (Date.now() < ready && (await list()).repository === undefined) {
      await new Promise(r => setTimeout(r, 500));
    }
    const n = arg('latency', 30);
    const samples = [];
    const alertId = `/subscriptions/${emulatorPkg.SUBSCRIPTION_ID}/providers/Microsoft.AlertsManagement/alerts/00000000-0000-4000-8000-000000000001`;
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      const { data } = await agent.rest.issues.create({
        owner: emulatorPkg.GITHUB_OWNER,
        repo: emulatorPkg.GITHUB_REPO,
        title: `[SRE Agent] bench ${i}`,
        body: `Alert: ${alertId}`,
      });
      for (;;) {
        const body = await list();
        if (body.items.some(it => it.number === data.number)) break;
        await new Promise(r => setTimeout(r, 2));
      }
      samples.push(performance.now() - t0);
    }
    samples.sort((a, b) => a - b);
    const pick = q =>
      samples[Math.min(samples.length - 1, Math.floor(q * samples.length))];
    console.log(
      `2. webhook → card (issue created at the emulator → listed by GET /issues), n=${n}: median ${pick(
        0.5,
      ).toFixed(0)} ms, p95 ${pick(0.95).toFixed(0)} ms, max ${samples[
        samples.length - 1
      ].toFixed(0)} ms`,
    );
  } finally {
    await backend.stop();
    await emulator.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  const emulatorPkg = require(from('packages/cloud-emulator', 'src/index.ts'));
  console.log(
    `load average ${os
      .loadavg()
      .map(l => l.toFixed(2))
      .join(' ')}`,
  );
  await syncCosts(emulatorPkg);
  await webhookLatency(emulatorPkg);
}

main().then(
  () => process.exit(0),
  err => {
    console.error(err);
    process.exit(1);
  },
);
