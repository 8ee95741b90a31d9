import { TestDatabases } from '@backstage/backend-test-utils';
import type { StackSnapshot } from '@sre-control-center/plugin-sre-control-center-common';
import { DatabaseAlertFiringHistory } from '../store/DatabaseAlertFiringHistory';
import { DatabaseStackSnapshots } from '../store/DatabaseStackSnapshots';
import { migrationsDir } from '../store/migrations';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_16'] });
const SYSTEM = 'system:default/mindful-moments';

const snapshot = (refreshedAt: string): Omit<StackSnapshot, 'ageSeconds'> => ({
  entityRef: SYSTEM,
  resourceGroupId: '/subscriptions/s/resourceGroups/rg',
  resources: [],
  alertRules: [],
  actionGroups: [],
  wiring: { ok: true, webhookUrls: [], problems: [] },
  cost: {
    currency: 'EUR',
    estimate: null,
    monthToDate: null,
    forecast: null,
    budget: null,
  },
  terraformOutputs: {
    status: 'ok',
    checkedAt: null,
    readAt: null,
    error: null,
    source: null,
  },
  refreshedAt,
  problems: [],
});

describe.each(databases.eachSupportedId())('stack stores on %p', databaseId => {
  it('keeps one snapshot per System, replaced on each refresh', async () => {
    const knex = await databases.init(databaseId);
    await knex.migrate.latest({ directory: migrationsDir });
    const store = new DatabaseStackSnapshots(knex);
    expect(await store.get(SYSTEM)).toBeUndefined();
    await store.save(snapshot('2026-12-01T10:00:00.000Z'));
    await store.save(snapshot('2026-12-01T10:05:00.000Z'));
    expect((await store.get(SYSTEM))?.refreshedAt).toBe(
      '2026-12-01T10:05:00.000Z',
    );
    expect(Number((await knex('stack_snapshots').count({ n: '*' }))[0].n)).toBe(
      1,
    );
    await knex.destroy();
  });

  it('finds when each rule last fired for a System', async () => {
    const knex = await databases.init(databaseId);
    await knex.migrate.latest({ directory: migrationsDir });
    const row = (
      id: string,
      name: string,
      firedAt: string,
      entityRef = SYSTEM,
    ) => ({
      id,
      entity_ref: entityRef,
      name,
      severity: 'Sev2',
      state: 'New',
      monitor_condition: 'Fired',
      fired_at: new Date(firedAt),
      updated_at: new Date(firedAt),
    });
    await knex('alerts').insert([
      row('a1', 'alert-high-cpu', '2026-11-20T08:00:00Z'),
      row('a2', 'alert-high-cpu', '2026-11-30T08:00:00Z'),
      row('a3', 'Alert-HTTP-5xx', '2026-11-25T08:00:00Z'),
      row(
        'a4',
        'alert-high-cpu',
        '2026-12-01T08:00:00Z',
        'system:default/other',
      ),
    ]);
    const last = await new DatabaseAlertFiringHistory(knex).lastFiredByRule(
      SYSTEM,
    );
    expect(Object.fromEntries(last)).toEqual({
      'alert-high-cpu': '2026-11-30T08:00:00.000Z',
      'alert-http-5xx': '2026-11-25T08:00:00.000Z',
    });
    await knex.destroy();
  });
});
