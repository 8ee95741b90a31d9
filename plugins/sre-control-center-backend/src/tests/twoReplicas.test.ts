import {
  TestDatabases,
  type TestDatabaseId,
} from '@backstage/backend-test-utils';
import {
  startCloudEmulator,
  type RunningEmulator,
} from '@sre-control-center/cloud-emulator';
import { signalChannelFor } from '@sre-control-center/plugin-sre-control-center-common';
import knexFactory, { type Knex } from 'knex';
import { startChild, stop, type Child } from './__testUtils__/childProcess';
import {
  azureAlertId,
  commonAlertPayload,
  eventually,
  systemOwning,
} from './fixtures';

jest.setTimeout(240_000);

/**
 * Two backend processes on one PostgreSQL database, as two replicas behind a
 * load balancer, with the events backend's PostgreSQL bus as in production:
 * a storm posted to both is processed with every alert stored once, every
 * history line written once, and no delivery claimed twice (each claim counts
 * an attempt); every alert's signal reaches the `signals` subscribers of both
 * replicas. PostgreSQL only: SQLite has one writer and is never shared by
 * replicas.
 */

const TOKEN = 'test-webhook-token-0123456789';
const SYSTEM = 'system:default/mindful-moments';
const SUB = '3f2b8c1e-7d4a-4e5b-9c6f-1a2b3c4d5e6f';
const RG = `/subscriptions/${SUB}/resourceGroups/rg-replicas-test`;
const SITE = `${RG}/providers/Microsoft.Web/sites/app-replicas-test`;
const DELIVERIES = 2000;
const CONCURRENCY = 40;

/** Alert ids in the `alerts.changed` signals a child printed for `system`. */
function signalledAlerts(output: string, system: string): Set<string> {
  const ids = new Set<string>();
  const channel = signalChannelFor(system);
  for (const line of output.split('\n')) {
    const [tag, lineChannel, type, list] = line.split(' ');
    if (tag !== 'SIGNAL' || lineChannel !== channel) continue;
    if (type !== 'alerts.changed' || !list) continue;
    for (const id of list.split(',')) ids.add(id);
  }
  return ids;
}

const databases = TestDatabases.create({ ids: ['POSTGRES_16'] });
const postgresIds = databases
  .eachSupportedId()
  .filter(([id]) => id.startsWith('POSTGRES'));

const skipped: Array<[TestDatabaseId]> = [['POSTGRES_16']];
(postgresIds.length > 0
  ? describe.each(postgresIds)
  : describe.skip.each(skipped))('two replicas on %p', databaseId => {
  let emulator: RunningEmulator;
  let database: Knex;
  /** The plugin's own schema in the test database (Backstage's schema mode). */
  let knex: Knex;
  const children: Child[] = [];

  beforeAll(async () => {
    emulator = await startCloudEmulator({ seed: false });
    database = await databases.init(databaseId);
    knex = knexFactory({
      client: 'pg',
      connection: database.client.config.connection,
      searchPath: ['sre-control-center'],
    });
  });

  afterAll(async () => {
    await Promise.all(children.map(c => stop(c, 'SIGTERM')));
    await knex?.destroy();
    await database?.destroy();
    await emulator?.close();
  });

  it('processes a storm posted to both exactly once', async () => {
    const connection = database.client.config.connection as Record<
      string,
      unknown
    >;
    const options = {
      postgres: connection,
      eventBus: true,
      webhookToken: TOKEN,
      azureEndpoint: emulator.url,
      entities: [systemOwning(RG)],
    };
    // One after the other: the events backend's migrations (0.6.6) fail
    // when two replicas run them at once (MigrationLocked, or 42P07 on an
    // empty database); ours retry, as the next test shows.
    children.push(await startChild(options));
    children.push(await startChild(options));

    let next = 0;
    const statuses: number[] = [];
    const worker = async () => {
      while (next < DELIVERIES) {
        const n = next++;
        const replica = children[n % 2];
        const res = await fetch(
          `${replica.url}/webhooks/azure-monitor?token=${TOKEN}`,
          {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(
              commonAlertPayload({
                alertId: azureAlertId(n, SUB),
                alertRule: 'alert-replica-storm',
                severity: 'Sev3',
                monitorCondition: 'Fired',
                targetResourceId: SITE,
                firedDateTime: new Date(
                  Date.UTC(2026, 10, 28, 10, 0, 0, n),
                ).toISOString(),
              }),
            ),
          },
        );
        statuses.push(res.status);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    expect(statuses.filter(s => s !== 202)).toEqual([]);

    // Done when no delivery is left pending (both replicas drain).
    const deadline = Date.now() + 180_000;
    let pending = DELIVERIES;
    while (pending > 0 && Date.now() < deadline) {
      await new Promise(r => setTimeout(r, 250));
      const [row] = await knex('inbox')
        .whereNot('status', 'processed')
        .count({ n: '*' });
      pending = Number(row.n);
    }
    expect(pending).toBe(0);

    const inbox = await knex('inbox').select('attempts', 'error');
    expect(inbox).toHaveLength(DELIVERIES);
    // One claim per delivery: no delivery was processed by both.
    expect(inbox.filter(r => Number(r.attempts) !== 1)).toEqual([]);
    expect(inbox.filter(r => r.error !== null)).toEqual([]);

    const alerts = await knex('alerts')
      .where('entity_ref', SYSTEM)
      .count({ n: '*' });
    expect(Number(alerts[0].n)).toBe(DELIVERIES);
    const fired = await knex('alert_events')
      .where('type', 'fired')
      .select('alert_id')
      .count({ n: '*' })
      .groupBy('alert_id');
    expect(fired).toHaveLength(DELIVERIES);
    expect(fired.filter(r => Number(r.n) !== 1)).toEqual([]);

    // Each delivery was processed by exactly one replica (above), and every
    // alert's signal reached both: so every alert crossed from the replica
    // that processed it to the other one through the bus.
    const ids = (await knex('alerts').where('entity_ref', SYSTEM).select('id'))
      .map(r => r.id)
      .sort();
    for (const child of children) {
      const signalled = await eventually(
        async () => signalledAlerts(child.output(), SYSTEM),
        heard => heard.size >= DELIVERIES,
        60_000,
      );
      expect([...signalled].sort()).toEqual(ids);
    }
  });

  it('starts two replicas at once on an empty database', async () => {
    // Without the events backend: this plugin's migrations alone race for
    // knex's bookkeeping tables and lock, and both replicas must start.
    const empty = await databases.init(databaseId);
    const options = {
      postgres: empty.client.config.connection as Record<string, unknown>,
      webhookToken: TOKEN,
      azureEndpoint: emulator.url,
      entities: [systemOwning(RG)],
    };
    const both = await Promise.all([startChild(options), startChild(options)]);
    try {
      for (const child of both) {
        const res = await fetch(`${child.url}/health`);
        expect(res.status).toBe(200);
      }
    } finally {
      await Promise.all(both.map(c => stop(c, 'SIGTERM')));
      await empty.destroy();
    }
  });
});
