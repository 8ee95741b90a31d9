import {
  TestDatabases,
  type TestDatabaseId,
} from '@backstage/backend-test-utils';
import {
  startCloudEmulator,
  type RunningEmulator,
} from '@sre-control-center/cloud-emulator';
import type { Knex } from 'knex';
import { startChild, stop, type Child } from './__testUtils__/childProcess';
import { azureAlertId, commonAlertPayload, systemOwning } from './fixtures';

jest.setTimeout(240_000);

/**
 * Two backend processes on one PostgreSQL database, as two replicas behind a
 * load balancer: a storm posted to both is processed with every alert stored
 * once, every history line written once, and no delivery claimed twice
 * (each claim counts an attempt). PostgreSQL only: SQLite has one writer and
 * is never shared by replicas.
 */

const TOKEN = 'test-webhook-token-0123456789';
const SYSTEM = 'system:default/mindful-moments';
const SUB = '3f2b8c1e-7d4a-4e5b-9c6f-1a2b3c4d5e6f';
const RG = `/subscriptions/${SUB}/resourceGroups/rg-replicas-test`;
const SITE = `${RG}/providers/Microsoft.Web/sites/app-replicas-test`;
const DELIVERIES = 2000;
const CONCURRENCY = 40;

const databases = TestDatabases.create({ ids: ['POSTGRES_16'] });
const postgresIds = databases
  .eachSupportedId()
  .filter(([id]) => id.startsWith('POSTGRES'));

const skipped: Array<[TestDatabaseId]> = [['POSTGRES_16']];
(postgresIds.length > 0
  ? describe.each(postgresIds)
  : describe.skip.each(skipped))('two replicas on %p', databaseId => {
  let emulator: RunningEmulator;
  let knex: Knex;
  const children: Child[] = [];

  beforeAll(async () => {
    emulator = await startCloudEmulator({ seed: false });
    knex = await databases.init(databaseId);
  });

  afterAll(async () => {
    await Promise.all(children.map(c => stop(c, 'SIGTERM')));
    await knex?.destroy();
    await emulator?.close();
  });

  it('processes a storm posted to both exactly once', async () => {
    const connection = knex.client.config.connection as Record<string, unknown>;
    const options = {
      postgres: connection,
      webhookToken: TOKEN,
      azureEndpoint: emulator.url,
      entities: [systemOwning(RG)],
    };
    // Both start at once: their migrations race for knex's lock too.
    children.push(
      ...(await Promise.all([startChild(options), startChild(options)])),
    );

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
  });
});
