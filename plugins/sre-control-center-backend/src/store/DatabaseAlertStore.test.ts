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

    it('lists only alerts updated after changedSince, still paged', async () => {
      const later = new Date(Date.UTC(2026, 10, 2));
      await knex('alerts')
        .whereIn('id', [alertRow(2).id, alertRow(4).id])
        .update({ state: 'Acknowledged', updated_at: later });
      const since = new Date(later.getTime() - 1);
      const first = await store.list({
        entityRef: SYSTEM,
        changedSince: since,
        limit: 1,
      });
      expect(first.items.map(a => [a.name, a.updatedAt])).toEqual([
        ['alert 4', later.toISOString()],
      ]);
      const second = await store.list({
        entityRef: SYSTEM,
        changedSince: since,
        limit: 1,
        after: first.next!,
      });
      expect(second.items.map(a => a.name)).toEqual(['alert 2']);
      expect(second.next).toBeNull();
      // Strictly after: the caller's own mark is not repeated.
      const none = await store.list({
        entityRef: SYSTEM,
        changedSince: later,
        limit: 50,
      });
      expect(none.items).toEqual([]);
    });

    it("keeps each alert's history in order, with its details", async () => {
      const id = alertRow(5).id;
      const at = (minute: number) => new Date(Date.UTC(2026, 10, 1, 1, minute));
      // Written out of order, as reconciliation can do.
      await knex('alert_events').insert([
        {
          alert_id: id,
          type: 'acknowledged',
          actor: 'user:default/alex',
          at: at(2),
          details: JSON.stringify({ comment: 'mine' }),
        },
        {
          alert_id: id,
          type: 'fired',
          actor: 'azure-monitor',
          at: at(0),
          details: null,
        },
        {
          alert_id: alertRow(1).id,
          type: 'fired',
          actor: 'azure-monitor',
          at: at(0),
          details: null,
        },
      ]);
      expect(await store.history(id)).toEqual([
        {
          type: 'fired',
          actor: 'azure-monitor',
          at: at(0).toISOString(),
          details: null,
        },
        {
          type: 'acknowledged',
          actor: 'user:default/alex',
          at: at(2).toISOString(),
          details: { comment: 'mine' },
        },
      ]);
      expect(await store.history('nope')).toEqual([]);
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

    it('keeps the condition an alert was raised with', async () => {
      const condition = {
        source: 'Log Alerts V2',
        operator: 'GreaterThan',
        threshold: 10,
        observed: 27,
        query: 'exceptions | summarize count()',
        dimensions: [{ name: 'problemId', value: 'TimeoutException' }],
      };
      const alert = {
        id: 'alertmanager:c0ffee',
        entityRef: SYSTEM,
        name: 'HighErrorRate',
        severity: 'Sev2' as const,
        state: 'New' as const,
        monitorCondition: 'Fired' as const,
        targetResourceId: null,
        description: null,
        firedAt: '2026-11-01T02:00:00.000Z',
        resolvedAt: null,
        updatedAt: '2026-11-01T02:00:00.000Z',
        condition,
      };
      await store.record({ alert, events: [] });
      expect(await store.get(alert.id)).toEqual(alert);
      // An alert without one comes back without the field at all.
      expect(await store.get(alertRow(1).id)).not.toHaveProperty('condition');
    });

    it('keeps a refused delivery as processed with its reason, and the System named on the URL', async () => {
      const inbox = new DatabaseInbox(knex);
      const receivedAt = new Date('2026-11-28T10:00:00Z');
      const refused = await inbox.add({
        source: 'alertmanager',
        kind: 'alertmanager',
        deliveryKey: null,
        body: '{"version":"3"}',
        receivedAt,
        rejected: 'version: Invalid input',
      });
      const accepted = await inbox.add({
        source: 'alertmanager',
        kind: 'alertmanager',
        deliveryKey: null,
        body: '{"version":"4"}',
        receivedAt,
        entityRef: SYSTEM,
      });
      const row = await knex('inbox').where('id', refused).first();
      expect(row.error).toBe('version: Invalid input');
      expect(row.processed_at).not.toBeNull();
      const pending = await inbox.pending('alertmanager', 10);
      expect(pending).toEqual([
        {
          id: accepted,
          kind: 'alertmanager',
          body: '{"version":"4"}',
          receivedAt,
          entityRef: SYSTEM,
        },
      ]);
    });
  },
);
