import { TestDatabases } from '@backstage/backend-test-utils';
import type { Knex } from 'knex';
import type { InboxDelivery } from '../domain/inbox/ports';
import { DatabaseInbox } from './DatabaseInbox';
import { migrationsDir } from './migrations';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_16'] });
const SYSTEM = 'system:default/mindful-moments';
const T0 = new Date('2026-11-28T10:00:00Z');
const seconds = (n: number) => new Date(T0.getTime() + n * 1000);

function delivery(overrides: Partial<InboxDelivery> = {}): InboxDelivery {
  return {
    source: 'azure-monitor',
    kind: 'common-alert',
    deliveryKey: null,
    body: '{"schemaId":"azureMonitorCommonAlertSchema"}',
    receivedAt: T0,
    ...overrides,
  };
}

describe.each(databases.eachSupportedId())(
  'DatabaseInbox on %p',
  databaseId => {
    let knex: Knex;
    let inbox: DatabaseInbox;

    beforeEach(async () => {
      knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory: migrationsDir });
      inbox = new DatabaseInbox(knex);
    });

    afterEach(async () => {
      await knex.destroy();
    });

    it('keeps every delivery without a provider id, and a replayed provider id once', async () => {
      const first = await inbox.add(delivery());
      const second = await inbox.add(delivery());
      expect(first.id).not.toEqual(second.id);
      const keyed = delivery({ source: 'github', deliveryKey: 'abc-123' });
      // Concurrent replays share one group commit: still one row.
      const [a, b] = await Promise.all([inbox.add(keyed), inbox.add(keyed)]);
      const c = await inbox.add(keyed);
      expect([a.duplicate, b.duplicate, c.duplicate].sort()).toEqual([
        false,
        true,
        true,
      ]);
      expect(new Set([a.id, b.id, c.id]).size).toBe(1);
      const rows = await knex('inbox').select('source');
      expect(rows).toHaveLength(3);
    });

    it('keeps a refused delivery, never to be processed, with the System named on the URL', async () => {
      const refused = await inbox.add(
        delivery({ refused: 'version: Invalid input', entityRef: SYSTEM }),
      );
      const row = await knex('inbox').where('id', refused.id).first();
      expect(row).toMatchObject({
        status: 'refused',
        error: 'version: Invalid input',
        entity_ref: SYSTEM,
      });
      expect(
        await inbox.claim({ holder: 'a', limit: 10, leaseMs: 60_000, now: T0 }),
      ).toEqual([]);
    });

    it('lets two holders claim disjoint batches, and a dead holder’s lease run out', async () => {
      for (let i = 0; i < 6; i++)
        await inbox.add(delivery({ body: `{"n":${i}}` }));
      const [a, b] = await Promise.all([
        inbox.claim({ holder: 'a', limit: 4, leaseMs: 60_000, now: T0 }),
        inbox.claim({ holder: 'b', limit: 4, leaseMs: 60_000, now: T0 }),
      ]);
      const ids = [...a, ...b].map(d => d.id);
      expect(new Set(ids).size).toBe(6);
      expect(a.every(d => d.attempts === 1)).toBe(true);
      // Holder a dies; after its lease another holder gets its deliveries.
      const later = await inbox.claim({
        holder: 'c',
        limit: 10,
        leaseMs: 60_000,
        now: seconds(61),
      });
      expect(later.map(d => d.id).sort()).toEqual(
        [...a, ...b].map(d => d.id).sort(),
      );
      expect(later.every(d => d.attempts === 2)).toBe(true);
      // The dead holder's late outcome is ignored: c holds them now.
      await inbox.settle(
        'a',
        a.map(d => ({ id: d.id, status: 'processed' as const })),
        seconds(62),
      );
      expect((await knex('inbox').where('status', 'processed')).length).toBe(0);
    });

    it('retries with backoff, sets aside as failed, lists and requeues', async () => {
      const { id } = await inbox.add(delivery({ body: '[[[[' }));
      const [claimed] = await inbox.claim({
        holder: 'a',
        limit: 1,
        leaseMs: 60_000,
        now: T0,
      });
      await inbox.settle(
        'a',
        [
          {
            id,
            status: 'retry',
            error: 'RangeError: Maximum call stack size exceeded',
            nextAttemptAt: seconds(5),
          },
        ],
        T0,
      );
      expect(claimed.attempts).toBe(1);
      // Not due before its next attempt.
      expect(
        await inbox.claim({
          holder: 'a',
          limit: 1,
          leaseMs: 60_000,
          now: seconds(4),
        }),
      ).toEqual([]);
      const pending = await inbox.list({ status: 'pending', limit: 10 });
      expect(pending.items).toEqual([
        expect.objectContaining({
          id,
          status: 'pending',
          attempts: 1,
          error: 'RangeError: Maximum call stack size exceeded',
          nextAttemptAt: seconds(5).toISOString(),
          excerpt: '[[[[',
        }),
      ]);
      await inbox.claim({
        holder: 'a',
        limit: 1,
        leaseMs: 60_000,
        now: seconds(5),
      });
      await inbox.settle(
        'a',
        [{ id, status: 'failed', error: 'gave up' }],
        seconds(6),
      );
      expect((await inbox.list({ status: 'failed', limit: 10 })).items).toEqual(
        [expect.objectContaining({ id, status: 'failed', attempts: 2 })],
      );
      const requeued = await inbox.retry(id, seconds(7));
      expect(requeued).toMatchObject({ id, status: 'pending', attempts: 0 });
      expect(
        (
          await inbox.claim({
            holder: 'a',
            limit: 1,
            leaseMs: 60_000,
            now: seconds(7),
          })
        ).map(d => d.id),
      ).toEqual([id]);
      expect(await inbox.retry('999999', seconds(8))).toBeUndefined();
    });

    it('pages the delivery list by id, newest first', async () => {
      for (let i = 0; i < 5; i++) {
        await inbox.add(delivery({ refused: undefined, body: `{"n":${i}}` }));
      }
      const claimed = await inbox.claim({
        holder: 'a',
        limit: 10,
        leaseMs: 1,
        now: T0,
      });
      await inbox.settle(
        'a',
        claimed.map(d => ({ id: d.id, status: 'failed' as const, error: 'x' })),
        T0,
      );
      const first = await inbox.list({ status: 'failed', limit: 2 });
      const second = await inbox.list({
        status: 'failed',
        limit: 10,
        afterId: first.nextCursor!,
      });
      expect([...first.items, ...second.items].map(d => d.excerpt)).toEqual([
        '{"n":4}',
        '{"n":3}',
        '{"n":2}',
        '{"n":1}',
        '{"n":0}',
      ]);
      expect(second.nextCursor).toBeNull();
    });

    it('prunes old bodies that are done, and nothing else', async () => {
      const old = new Date('2026-10-01T00:00:00Z');
      const done = await inbox.add(delivery({ receivedAt: old }));
      const oldPending = await inbox.add(delivery({ receivedAt: old }));
      const recent = await inbox.add(delivery());
      await knex('inbox').where('id', done.id).update({ status: 'processed' });
      await knex('inbox')
        .where('id', recent.id)
        .update({ status: 'processed' });
      // An old alert and its history stay whatever their age.
      await knex('alerts').insert({
        id: 'alertmanager:old',
        entity_ref: SYSTEM,
        name: 'old',
        severity: 'Sev3',
        state: 'Closed',
        monitor_condition: 'Resolved',
        fired_at: old,
        updated_at: old,
      });
      await knex('alert_events').insert({
        alert_id: 'alertmanager:old',
        type: 'fired',
        at: old,
      });
      expect(await inbox.prune(new Date('2026-11-01T00:00:00Z'))).toBe(1);
      expect(await knex('alerts').count('* as n').first()).toEqual({
        n: databaseId === 'POSTGRES_16' ? '1' : 1,
      });
      expect((await knex('alert_events').select('type')).length).toBe(1);
      const left = (await knex('inbox').select('id')).map(r => String(r.id));
      expect(left.sort()).toEqual([oldPending.id, recent.id].sort());
    });
  },
);
