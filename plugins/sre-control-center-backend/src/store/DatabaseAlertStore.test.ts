import { TestDatabases } from '@backstage/backend-test-utils';
import type { Alert } from '@sre-control-center/plugin-sre-control-center-common';
import type { Knex } from 'knex';
import type { AlertHistoryRecord } from '../domain/alerts/types';
import { DatabaseAlertStore } from './DatabaseAlertStore';
import { migrationsDir } from './migrations';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_16'] });

const SYSTEM = 'system:default/mindful-moments';
const LATER = '2026-11-03T10:00:00.000Z';

function alertRow(n: number, overrides: Record<string, unknown> = {}) {
  const firedAt = new Date(Date.UTC(2026, 10, 1, 0, n));
  return {
    id: `/subscriptions/s/providers/microsoft.alertsmanagement/alerts/${String(
      n,
    ).padStart(4, '0')}`,
    entity_ref: SYSTEM,
    routing: 'resource-group',
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

    it('keeps the condition an alert was raised with', async () => {
      const condition = {
        source: 'Log Alerts V2',
        operator: 'GreaterThan',
        threshold: 10,
        observed: 27,
        query: 'exceptions | summarize count()',
        dimensions: [{ name: 'problemId', value: 'TimeoutException' }],
      };
      const alert = sample('alertmanager:c0ffee', { condition });
      expect(
        await store.commit([{ before: undefined, after: alert, events: [] }]),
      ).toEqual({
        conflicts: new Set(),
      });
      expect(await store.get(alert.id)).toEqual(alert);
      // An alert without one comes back without the field at all.
      expect(await store.get(alertRow(1).id)).not.toHaveProperty('condition');
    });

    it('writes only what did not change since it was read, each transition once', async () => {
      const fired = sample('alertmanager:race1');
      await store.commit([
        { before: undefined, after: fired, events: [event(fired.id, 'fired')] },
      ]);
      // Two writers read the same alert: one acknowledges, one resolves.
      const acknowledged: Alert = {
        ...fired,
        state: 'Acknowledged',
        updatedAt: LATER,
      };
      const resolved: Alert = {
        ...fired,
        monitorCondition: 'Resolved',
        resolvedAt: LATER,
        updatedAt: LATER,
      };
      const a = await store.commit([
        {
          before: fired,
          after: acknowledged,
          events: [event(fired.id, 'acknowledged')],
        },
      ]);
      const b = await store.commit([
        {
          before: fired,
          after: resolved,
          events: [event(fired.id, 'resolved')],
        },
      ]);
      expect([a.conflicts.size, b.conflicts.size]).toEqual([0, 0]);
      expect(await store.get(fired.id)).toMatchObject({
        state: 'Acknowledged',
        monitorCondition: 'Resolved',
      });
      // The same change again, from the stale read: refused, no second line.
      const again = await store.commit([
        {
          before: fired,
          after: resolved,
          events: [event(fired.id, 'resolved')],
        },
      ]);
      expect(again.conflicts).toEqual(new Set([fired.id]));
      // Creating an alert that exists is a conflict too.
      const twice = await store.commit([
        { before: undefined, after: fired, events: [event(fired.id, 'fired')] },
      ]);
      expect(twice.conflicts).toEqual(new Set([fired.id]));
      expect((await store.history(fired.id)).map(e => e.type)).toEqual([
        'fired',
        'acknowledged',
        'resolved',
      ]);
    });

    it('keeps unrouted alerts apart and moves them when a System claims their group', async () => {
      const group =
        '/subscriptions/3f2b8c1e-7d4a-4e5b-9c6f-1a2b3c4d5e6f/resourcegroups/rg-unclaimed';
      const unrouted = sample('alertmanager:lost1', {
        entityRef: null,
        routing: null,
        targetResourceId: `${group}/providers/microsoft.web/sites/app-x`,
      });
      await store.commit([
        {
          before: undefined,
          after: unrouted,
          events: [event(unrouted.id, 'fired')],
        },
      ]);
      expect(
        (await store.listUnrouted({ limit: 10 })).items.map(a => a.id),
      ).toEqual([unrouted.id]);
      expect(await store.unroutedResourceGroups(10)).toEqual([group]);
      const moved = await store.route(
        group,
        'system:default/claimer',
        new Date(LATER),
      );
      expect(moved.map(a => [a.id, a.entityRef, a.routing])).toEqual([
        [unrouted.id, 'system:default/claimer', 'resource-group'],
      ]);
      expect((await store.history(unrouted.id)).map(e => e.type)).toEqual([
        'fired',
        'routed',
      ]);
      // Moved once: a second pass finds nothing.
      expect(
        await store.route(group, 'system:default/other', new Date(LATER)),
      ).toEqual([]);
      expect(await store.unroutedResourceGroups(10)).toEqual([]);
    });

    it('lists every alert of a System fired since a time, not a page of them', async () => {
      const since = new Date(Date.UTC(2026, 10, 1, 0, 2));
      const names = (await store.firedSince(SYSTEM, since)).map(a => a.name);
      for (const n of [2, 3, 4, 5, 6]) expect(names).toContain(`alert ${n}`);
      // Fired before, and another System's.
      expect(names).not.toContain('alert 1');
      expect(names).not.toContain('alert 7');
    });
  },
);

function sample(id: string, overrides: Partial<Alert> = {}): Alert {
  return {
    id,
    entityRef: SYSTEM,
    routing: 'label',
    name: 'HighErrorRate',
    severity: 'Sev2',
    state: 'New',
    monitorCondition: 'Fired',
    targetResourceId: null,
    description: null,
    firedAt: '2026-11-01T02:00:00.000Z',
    resolvedAt: null,
    updatedAt: '2026-11-01T02:00:00.000Z',
    ...overrides,
  };
}

function event(
  alertId: string,
  type: AlertHistoryRecord['type'],
): AlertHistoryRecord {
  return { alertId, type, actor: 'test', at: new Date(LATER), details: null };
}
