import { TestDatabases } from '@backstage/backend-test-utils';
import type { Knex } from 'knex';
import { DatabaseAlertStore } from './DatabaseAlertStore';
import { DatabaseInbox } from './DatabaseInbox';
import { migrationsDir } from './migrations';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_16'] });

const SYSTEM = 'system:default/mindful-moments';

function alertRow(n: number, overrides: Record<string, unknown> = {}) {
  const firedAt = new Date(Date.UTC(2026, 10, 1, 0, n));
  return {
    id: `/subscriptions/s/providers/microsoft.alertsmanagement/alerts/${String(
      n,
    ).padStart(4, '0')}`,
    entity_ref: SYSTEM,
    name: `alert ${n}`,
    severity: n % 2 ? 'Sev2' : 'Sev3',
    state: 'New',
    monitor_condition: 'Fired',
    target_resource_id: null,
    description: null,
    fired_at: firedAt,
    resolved_at: null,
    updated_at: firedAt,
    ...overrides,
  };
}

describe.each(databases.eachSupportedId())(
  'DatabaseAlertStore on %p',
  databaseId => {
    let knex: Knex;
    let store: DatabaseAlertStore;

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory: migrationsDir });
      store = new DatabaseAlertStore(knex);
      // Two alerts share a fired_at so the id tie-break is exercised.
      await knex('alerts').insert([
        ...Array.from({ length: 5 }, (_, i) => alertRow(i + 1)),
        alertRow(6, { fired_at: new Date(Date.UTC(2026, 10, 1, 0, 5)) }),
        alertRow(7, { entity_ref: 'system:default/other' }),
      ]);
    });

    afterAll(async () => {
      await knex.destroy();
    });

    it('pages newest first without gaps or repeats', async () => {
      const seen: string[] = [];
      let after;
      for (let i = 0; i < 10; i++) {
        const page = await store.list({ entityRef: SYSTEM, limit: 2, after });
        seen.push(...page.items.map(a => a.name));
        if (!page.next) break;
        after = page.next;
      }
      expect(seen).toEqual([
        'alert 6',
        'alert 5',
        'alert 4',
        'alert 3',
        'alert 2',
        'alert 1',
      ]);
    });

    it('filters by severity and returns ISO timestamps', async () => {
      const page = await store.list({
        entityRef: SYSTEM,
        severity: 'Sev3',
        limit: 50,
      });
      expect(page.items.map(a => a.name)).toEqual([
        'alert 6',
        'alert 4',
        'alert 2',
      ]);
      expect(page.items[0].firedAt).toBe('2026-11-01T00:05:00.000Z');
      expect(page.next).toBeNull();
    });

    it('gets one alert by id', async () => {
      const alert = await store.get(alertRow(3).id);
      expect(alert?.name).toBe('alert 3');
      expect(await store.get('nope')).toBeUndefined();
    });

    it('keeps every inbox delivery, replays included', async () => {
      const inbox = new DatabaseInbox(knex);
      const delivery = {
        source: 'azure-monitor' as const,
        kind: 'common-alert',
        deliveryKey: null,
        body: '{"schemaId":"azureMonitorCommonAlertSchema"}',
        receivedAt: new Date(),
      };
      const first = await inbox.add(delivery);
      const second = await inbox.add(delivery);
      expect(first).not.toEqual(second);
      const rows = await knex('inbox').select('body');
      expect(rows).toHaveLength(2);
      expect(rows[0].body).toBe(delivery.body);
    });
  },
);
