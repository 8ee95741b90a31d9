import { TestDatabases } from '@backstage/backend-test-utils';
import {
  BUDGET_NAME,
  RESOURCE_GROUP_ID,
  startCloudEmulator,
  type RunningEmulator,
} from '@sre-control-center/cloud-emulator';
import type { Knex } from 'knex';
import { createArmAccess } from '../../adapters/azure/armAccess';
import { AzureCostSource } from '../../adapters/azure/AzureCostSource';
import { DatabaseCostSnapshots } from '../../store/DatabaseCostSnapshots';
import { migrationsDir } from '../../store/migrations';
import { CostRefresher } from './CostRefresher';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_16'] });
const SYSTEM = 'system:default/mindful-moments';
const NOW = new Date('2026-11-26T10:00:00Z');

// Integration: the refresher with the real Cost Management adapter, the
// emulator as Azure and the real store.
describe.each(databases.eachSupportedId())(
  'CostRefresher on %p',
  databaseId => {
    let emulator: RunningEmulator;
    let knex: Knex;
    let store: DatabaseCostSnapshots;
    let refresher: CostRefresher;
    let published: string[];

    beforeEach(async () => {
      emulator = await startCloudEmulator({ now: () => NOW });
      knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory: migrationsDir });
      store = new DatabaseCostSnapshots(knex);
      refresher = new CostRefresher({
        projects: {
          projectForResourceGroup: async () => SYSTEM,
          isSystem: async () => true,
          listProjects: async () => [
            {
              entityRef: SYSTEM,
              resourceGroupId: RESOURCE_GROUP_ID.toLowerCase(),
              budgetName: BUDGET_NAME,
            },
          ],
        },
        source: new AzureCostSource(createArmAccess(emulator.url)),
        store,
        publisher: { costsChanged: async ref => void published.push(ref) },
        now: () => NOW,
      });
      published = [];
    });

    afterEach(async () => {
      await emulator.close();
      await knex.destroy();
    });

    it('stores month to date, forecast and the budget thresholds', async () => {
      expect(await refresher.refresh()).toEqual({
        refreshed: [SYSTEM],
        skipped: [],
        failures: [],
      });
      const summary = (await store.get(SYSTEM))!;
      expect(summary.period).toEqual({ from: '2026-11-01', to: '2026-11-30' });
      expect(summary.monthToDate).toBeGreaterThan(50);
      expect(summary.forecast).toBeGreaterThan(summary.monthToDate);
      expect(summary.budget).toMatchObject({ name: BUDGET_NAME, amount: 120 });
      expect(summary.budget!.thresholds.map(t => t.percent)).toEqual([80, 100]);
      expect(summary.byService[0].cost).toBeGreaterThanOrEqual(
        summary.byService[1].cost,
      );
      expect(summary.lastError).toBeNull();
    });

    it('crosses the 80 % threshold after the budget-80 scenario', async () => {
      await emulator.runScenario('budget-80');
      await refresher.refresh();
      const summary = (await store.get(SYSTEM))!;
      expect(summary.budget!.percentUsed).toBeGreaterThanOrEqual(80);
      expect(summary.budget!.thresholds[0]).toEqual({
        percent: 80,
        basis: 'Actual',
        crossed: true,
      });
    });

    it('keeps the last figures and says why when Cost Management throttles', async () => {
      await refresher.refresh();
      const before = (await store.get(SYSTEM))!;
      // Figures from long ago, so the next run queries again.
      await store.save({ ...before, refreshedAt: '2026-11-26T08:00:00.000Z' });
      await emulator.runScenario('throttle-costs', {
        count: 5,
        retryAfterSeconds: 30,
      });
      const report = await refresher.refresh();
      expect(report.failures).toEqual([
        {
          entityRef: SYSTEM,
          error: expect.stringContaining('retry after 30 s'),
          retryAfterSeconds: 30,
        },
      ]);
      const after = (await store.get(SYSTEM))!;
      expect(after.monthToDate).toBe(before.monthToDate);
      expect(after.refreshedAt).toBe('2026-11-26T08:00:00.000Z');
      expect(after.lastError).toMatch(/throttling/);
    });

    it('refreshes at once, however fresh, when the budget alert arrives', async () => {
      await refresher.refresh();
      const before = (await store.get(SYSTEM))!;
      await emulator.runScenario('budget-100');
      expect(
        await refresher.budgetCrossed(BUDGET_NAME.toUpperCase()),
      ).toBeUndefined();
      const after = (await store.get(SYSTEM))!;
      expect(after.monthToDate).toBeGreaterThan(before.monthToDate);
      expect(after.budget!.thresholds.every(t => t.crossed)).toBe(true);
      expect(published).toEqual([SYSTEM, SYSTEM]);
    });

    it('says when no System uses the budget', async () => {
      expect(await refresher.budgetCrossed('someone-elses-budget')).toMatch(
        /no catalog System has the annotation sre-control-center\/budget=someone-elses-budget/,
      );
    });
  },
);
