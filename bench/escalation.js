#!/usr/bin/env node
/*
 * On-call escalation latency against the emulator, through the real SDKs:
 *   1. alert → first call request: from the engine hearing of a New Sev1
 *      alert to the provider accepting createCall / calls.create (the
 *      escalation stored on SQLite, the first level a phone call);
 *   2. key press → acknowledged in Azure: from the provider's key-press
 *      callback reaching the webhook (JWT or X-Twilio-Signature checked) to
 *      the alert's state changed in Azure Alerts Management.
 * For Communication Services and Twilio each.
 *
 *   node bench/escalation.js [--alerts 30]
 */
'use strict';
const { arg } = require('./lib');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
require(require.resolve('@backstage/cli-node/config/nodeTransform.cjs', {
  paths: [ROOT],
}));

const backend = file =>
  require(path.join(ROOT, 'plugins/sre-control-center-backend/src', file));
const resolveIn = name =>
  require(require.resolve(name, {
    paths: [path.join(ROOT, 'plugins/sre-control-center-backend')],
  }));
function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const pick = q =>
    sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { p50: pick(0.5), p95: pick(0.95), n: sorted.length };
}
const fmt = s =>
  `p50 ${s.p50.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms (n=${s.n})`;

async function run(provider, emulator, count) {
  const express = resolveIn('express');
  const knex = resolveIn('knex')({
    client: 'better-sqlite3',
    connection: { filename: ':memory:' },
    useNullAsDefault: true,
  });
  await knex.migrate.latest({
    directory: path.join(ROOT, 'plugins/sre-control-center-backend/migrations'),
  });
  const { DatabaseEscalationStore } = backend(
    'store/DatabaseEscalationStore.ts',
  );
  const { DatabaseAlertStore } = backend('store/DatabaseAlertStore.ts');
  const { EscalationEngine } = backend('domain/escalation/EscalationEngine.ts');
  const { AcsPhoneCaller } = backend('adapters/phone/AcsPhoneCaller.ts');
  const { TwilioPhoneCaller } = backend('adapters/phone/TwilioPhoneCaller.ts');
  const { createPhoneWebhookRouter, createAcsCallbackVerifier } = backend(
    'service/phoneWebhooks.ts',
  );
  const { createArmAccess } = backend('adapters/azure/armAccess.ts');
  const { AzureAlertSource } = backend('adapters/azure/AzureAlertSource.ts');
  const { parseAzureAlertId } = backend('domain/alerts/alertIds.ts');
  const e = emulator.pkg;

  const app = express();
  const pressedAt = new Map();
  app.use((req, _res, next) => {
    // Stamped on arrival, before the signature check and body parsing.
    req.arrivedAt = performance.now();
    next();
  });
  const server = await new Promise(resolve => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const base = `http://127.0.0.1:${server.address().port}`;
  const caller =
    provider === 'acs'
      ? new AcsPhoneCaller(
          {
            connectionString: `endpoint=${emulator.url}/;accesskey=${e.ACS_ACCESS_KEY}`,
            sourceNumber: e.ACS_SOURCE_NUMBER,
          },
          id => `${base}/webhooks/acs?attempt=${id}`,
        )
      : new TwilioPhoneCaller(
          {
            accountSid: e.TWILIO_ACCOUNT_SID,
            authToken: e.TWILIO_AUTH_TOKEN,
            from: e.TWILIO_FROM,
            apiBaseUrl: emulator.url,
          },
          (id, event) => `${base}/webhooks/twilio?attempt=${id}&event=${event}`,
        );
  const callRequested = new Map();
  const started = new Map();
  const acknowledgedAt = new Map();
  const source = new AzureAlertSource(createArmAccess(emulator.url));
  const alerts = new DatabaseAlertStore(knex);
  let engine;
  engine = new EscalationEngine({
    policies: [
      {
        name: 'bench',
        entityRef: 'system:default/mindful-moments',
        high: ['Sev1'],
        low: [],
        repeat: 0,
        repeatAfterMinutes: 5,
        levels: [
          {
            afterMinutes: 0,
            targets: [{ user: 'user:default/guest' }],
            channels: ['phone'],
          },
        ],
      },
    ],
    schedules: [],
    store: new DatabaseEscalationStore(knex),
    alerts,
    notifier: { notify: async () => undefined },
    phone: {
      provider: caller.provider,
      call: async request => {
        const result = await caller.call(request);
        const alertId = (await engine.callContext(request.attemptId))
          ?.escalation.alertId;
        callRequested.set(alertId, performance.now());
        return result;
      },
    },
    people: { phoneOf: async () => '+4915100000001' },
    maintenance: { activeWindow: async () => undefined },
    acknowledger: {
      acknowledge: async alertId => {
        await source.changeState(parseAzureAlertId(alertId), 'Acknowledged');
        acknowledgedAt.set(alertId, performance.now());
        await knex('alerts')
          .where('id', alertId)
          .update({ state: 'Acknowledged' });
      },
    },
    publisher: { escalationChanged: async () => undefined },
    mirror: { record: () => undefined },
    holder: 'bench',
    ackKey: '1',
  });
  const webhooks = createPhoneWebhookRouter({
    engine: {
      callContext: id => engine.callContext(id),
      callEvent: async (id, event) => {
        if (event.kind === 'pressed') {
          const context = await engine.callContext(id);
          pressedAt.set(context.escalation.alertId, currentArrival);
        }
        return engine.callEvent(id, event);
      },
    },
    logger: { info: () => undefined, warn: () => undefined },
    ...(provider === 'acs'
      ? {
          acs: {
            caller,
            verify: createAcsCallbackVerifier({
              openIdConfigurationUrl: `${emulator.url}/calling/.well-known/acsopenidconfiguration`,
              audience: e.ACS_RESOURCE_ID,
            }),
          },
        }
      : { twilio: { caller, callbackBaseUrl: async () => base } }),
  });
  let currentArrival = 0;
  app.use((req, _res, next) => {
    currentArrival = req.arrivedAt;
    next();
  });
  app.use(webhooks);

  for (let i = 0; i < count; i++) {
    const { alertId } = await emulator.runScenario('http-5xx', {
      resolveAfterMs: null,
    });
    const id =
      `/subscriptions/${e.SUBSCRIPTION_ID}/providers/microsoft.alertsmanagement/alerts/${alertId}`.toLowerCase();
    const now = new Date();
    await knex('alerts').insert({
      id,
      entity_ref: 'system:default/mindful-moments',
      name: 'alert-http-5xx',
      severity: 'Sev1',
      state: 'New',
      monitor_condition: 'Fired',
      fired_at: now,
      updated_at: now,
    });
    const alert = await alerts.get(id);
    started.set(id, performance.now());
    await engine.alertsChanged([alert]);
    const deadline = Date.now() + 10_000;
    while (!acknowledgedAt.has(id) && Date.now() < deadline) {
      await new Promise(r => setTimeout(r, 2));
    }
    if (!acknowledgedAt.has(id))
      throw new Error(`alert ${i} was not acknowledged`);
  }
  await engine.settled();
  await emulator.whenIdle();
  server.close();
  await knex.destroy();
  const ids = [...started.keys()];
  return {
    toCall: stats(ids.map(id => callRequested.get(id) - started.get(id))),
    toAck: stats(ids.map(id => acknowledgedAt.get(id) - pressedAt.get(id))),
  };
}

async function main() {
  const count = arg('alerts', 30);
  const pkg = require(path.join(ROOT, 'packages/cloud-emulator/src/index.ts'));
  const started = await pkg.startCloudEmulator();
  const emulator = Object.assign(started, { pkg });
  await emulator.runScenario('callee-presses-key', { key: '1', ringMs: 0 });
  console.log(
    `On-call escalation against the emulator, ${count} Sev1 alerts per provider`,
  );
  for (const provider of ['acs', 'twilio']) {
    const result = await run(provider, emulator, count);
    console.log(
      `${provider}: alert → first call request    ${fmt(result.toCall)}`,
    );
    console.log(
      `${provider}: key press → acknowledged in Azure ${fmt(result.toAck)}`,
    );
  }
  await emulator.close();
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
