#!/usr/bin/env node
/*
 * The stack card's costs.
 *   1. Azure calls per stack refresh (counted at the emulator), refresh time,
 *      and what a page view costs: GET /stack is served from the snapshot
 *      (0 Azure calls), next to one plain ARM GET as the reference.
 *   2. StackCard render time in jsdom (React 18, MUI, Backstage test app),
 *      next to a bare React table of the same rows rendered in the same run.
 *
 *   node bench/stack.js [--refreshes 20] [--views 2000] [--renders 50]
 */
'use strict';
const { arg } = require('./lib');
const path = require('node:path');
const os = require('node:os');

const ROOT = path.resolve(__dirname, '..');
require(require.resolve('@backstage/cli-node/config/nodeTransform.cjs', {
  paths: [ROOT],
}));

const from = (pkg, file) => path.join(ROOT, pkg, file);
const ms = ns => Number(ns) / 1e6;
function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const pick = q =>
    sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: pick(0.5), p95: pick(0.95), n: sorted.length };
}
const fmt = s =>
  `median ${s.median.toFixed(2)} ms, p95 ${s.p95.toFixed(2)} ms (n=${s.n})`;

async function refreshBench() {
  const emulatorPkg = require(from('packages/cloud-emulator', 'src/index.ts'));
  const { createArmAccess } = require(from(
    'plugins/sre-control-center-backend',
    'src/adapters/azure/armAccess.ts',
  ));
  const { AzureResourceStates } = require(from(
    'plugins/sre-control-center-backend',
    'src/adapters/azure/AzureResourceStates.ts',
  ));
  const { AzureStackMetrics } = require(from(
    'plugins/sre-control-center-backend',
    'src/adapters/azure/AzureStackMetrics.ts',
  ));
  const { AzureAlertRules } = require(from(
    'plugins/sre-control-center-backend',
    'src/adapters/azure/AzureAlertRules.ts',
  ));
  const { StackReader } = require(from(
    'plugins/sre-control-center-backend',
    'src/domain/stack/StackReader.ts',
  ));
  const { WebSiteManagementClient } = require(require.resolve(
    '@azure/arm-appservice',
    { paths: [from('plugins/sre-control-center-backend', '')] },
  ));

  const webhook =
    'http://localhost:7007/api/sre-control-center/webhooks/azure-monitor';
  const emulator = await emulatorPkg.startCloudEmulator({
    actionGroupWebhookUrl: `${webhook}?token=t`,
  });
  const arm = createArmAccess(emulator.url);
  const saved = new Map();
  const system = 'system:default/mindful-moments';
  const reader = new StackReader({
    projects: {
      projectForResourceGroup: async () => system,
      listProjects: async () => [
        { entityRef: system, resourceGroupId: emulatorPkg.RESOURCE_GROUP_ID },
      ],
    },
    inventory: {
      resourcesOf: async () => ({
        resources: emulatorPkg.STACK_RESOURCES.map(r => ({
          entityRef: `resource:default/${r.name}`,
          name: r.name,
          type: r.type,
          resourceId: r.id,
        })),
        terraformOutputs: {
          status: 'ok',
          checkedAt: null,
          readAt: null,
          error: null,
          source: null,
        },
      }),
    },
    states: new AzureResourceStates(arm),
    metrics: new AzureStackMetrics(arm),
    alertRules: new AzureAlertRules(arm),
    estimates: { estimateFor: async () => undefined },
    costs: { get: async () => undefined },
    history: { lastFiredByRule: async () => new Map() },
    store: {
      get: async ref => saved.get(ref),
      save: async s => void saved.set(s.entityRef, s),
    },
    webhookUrls: [webhook],
  });
  const calls = () =>
    Object.values(emulator.state.armRequests).reduce((a, b) => a + b, 0);

  await reader.refresh(); // warm-up: clients, connections
  const refreshes = arg('refreshes', 20);
  const before = calls();
  const refreshTimes = [];
  for (let i = 0; i < refreshes; i++) {
    const t = process.hrtime.bigint();
    await reader.refresh();
    refreshTimes.push(ms(process.hrtime.bigint() - t));
  }
  const perRefresh = (calls() - before) / refreshes;
  const byRoute = {};
  emulator.state.armRequests = {};
  await reader.refresh();
  Object.assign(byRoute, emulator.state.armRequests);

  const views = arg('views', 2000);
  const viewStart = calls();
  const viewTimes = [];
  for (let i = 0; i < views; i++) {
    const t = process.hrtime.bigint();
    await reader.snapshot(system);
    viewTimes.push(ms(process.hrtime.bigint() - t));
  }
  const perView = (calls() - viewStart) / views;

  const web = arm.prepare(
    new WebSiteManagementClient(
      arm.credential,
      emulatorPkg.SUBSCRIPTION_ID,
      arm.clientOptions,
    ),
  );
  await web.webApps.get(emulatorPkg.RESOURCE_GROUP, emulatorPkg.SITE_NAME);
  const refTimes = [];
  for (let i = 0; i < refreshes * 5; i++) {
    const t = process.hrtime.bigint();
    await web.webApps.get(emulatorPkg.RESOURCE_GROUP, emulatorPkg.SITE_NAME);
    refTimes.push(ms(process.hrtime.bigint() - t));
  }
  await emulator.close();

  console.log(
    '\n## Stack refresh (7 resources, 6 alert rules, 2 action groups; emulator on 127.0.0.1)',
  );
  console.log(`Azure calls per refresh:   ${perRefresh}`);
  for (const [route, n] of Object.entries(byRoute))
    console.log(`  ${route.padEnd(48)} ${n}`);
  console.log(`refresh:                   ${fmt(stats(refreshTimes))}`);
  console.log(`reference, one ARM GET:    ${fmt(stats(refTimes))}`);
  console.log(`Azure calls per page view: ${perView}`);
  console.log(`page view (snapshot):      ${fmt(stats(viewTimes))}`);
  return saved.get(system);
}

/**
 * jsdom rendering needs the Backstage jest setup (its ESM/CJS transforms,
 * the test app), so the render part runs as a jest file that only this
 * benchmark selects (`*.bench.tsx` is outside the test suite's pattern).
 */
function renderBench(snapshot) {
  const fs = require('node:fs');
  const { spawnSync } = require('node:child_process');
  const fixture = path.join(os.tmpdir(), `stack-snapshot-${process.pid}.json`);
  fs.writeFileSync(fixture, JSON.stringify({ ...snapshot, ageSeconds: 30 }));
  const res = spawnSync(
    process.execPath,
    [
      path.join(ROOT, '.yarn', 'releases', 'yarn-4.13.0.cjs'),
      'backstage-cli',
      'package',
      'test',
      '--ci',
      '--testMatch',
      '**/StackCard.bench.tsx',
      '--silent=false',
    ],
    {
      cwd: path.join(ROOT, 'plugins', 'sre-control-center'),
      env: {
        ...process.env,
        CI: 'true',
        STACK_BENCH_SNAPSHOT: fixture,
        STACK_BENCH_RENDERS: String(arg('renders', 50)),
      },
      encoding: 'utf8',
    },
  );
  fs.rmSync(fixture, { force: true });
  const figures = `${res.stdout}${res.stderr}`
    .split('\n')
    .filter(line => line.includes('BENCH '))
    .map(line => line.replace(/^.*BENCH /, ''));
  console.log(
    '\n## StackCard render in jsdom (first render into the DOM, Backstage test app)',
  );
  if (figures.length === 0) {
    console.log(`render bench failed:\n${res.stdout}\n${res.stderr}`);
    return;
  }
  for (const line of figures) console.log(line);
}

(async () => {
  console.log(
    `load average ${os
      .loadavg()
      .map(l => l.toFixed(2))
      .join(' ')}, ${os.cpus().length} cores, Node ${process.version}`,
  );
  const snapshot = await refreshBench();
  renderBench(snapshot);
  process.exit(0);
})().catch(error => {
  console.error(error);
  process.exit(1);
});
