import { TestDatabases } from '@backstage/backend-test-utils';
import {
  RESOURCE_GROUP_ID,
  SRE_AGENT_DISPLAY_NAME,
  startCloudEmulator,
  type RunningEmulator,
} from '@sre-control-center/cloud-emulator';
import type { Alert } from '@sre-control-center/plugin-sre-control-center-common';
import type { Knex } from 'knex';
import { createArmAccess } from '../adapters/azure/armAccess';
import { AzureAlertSource } from '../adapters/azure/AzureAlertSource';
import { AlertReconciler } from '../domain/alerts';
import { FakeProjects } from '../domain/__testUtils__/fakes';
import { DatabaseAlertStore } from '../store/DatabaseAlertStore';
import { migrationsDir } from '../store/migrations';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_16'] });
const SYSTEM = 'system:default/mindful-moments';

// Integration: the reconciler with the real Alerts Management adapter, the
// emulator as Azure and the real store.
describe.each(databases.eachSupportedId())(
  'AlertReconciler on %p',
  databaseId => {
    let emulator: RunningEmulator;
    let knex: Knex;
    let published: Alert[];
    let reconciler: AlertReconciler;
    let store: DatabaseAlertStore;

    beforeEach(async () => {
      emulator = await startCloudEmulator({
        scenarioDelays: { agentAckAfterMs: 20 },
      });
      knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory: migrationsDir });
      store = new DatabaseAlertStore(knex);
      published = [];
      reconciler = new AlertReconciler({
        projects: new FakeProjects([
          {
            entityRef: SYSTEM,
            resourceGroupId: RESOURCE_GROUP_ID.toLowerCase(),
          },
        ]),
        source: new AzureAlertSource(createArmAccess(emulator.url)),
        alerts: store,
        ledger: store,
        listener: { alertsChanged: async a => void published.push(...a) },
      });
    });

    afterEach(async () => {
      await emulator.close();
      await knex.destroy();
    });

    it('brings in the seeded history, then nothing changes on a second run', async () => {
      const first = await reconciler.reconcile();
      expect(first.failures).toEqual([]);
      expect(first.changed).toBe(first.seen);
      expect(first.seen).toBeGreaterThan(0);
      const rows = await knex('alerts').select('entity_ref');
      expect(rows.every(r => r.entity_ref === SYSTEM)).toBe(true);

      const second = await reconciler.reconcile();
      expect(second.changed).toBe(0);
    });

    it('takes over the SRE agent acknowledging an alert in Azure', async () => {
      await reconciler.reconcile();
      const { alertId } = (await emulator.runScenario('sre-agent-incident', {
        resolveAfterMs: null,
      })) as {
        alertId: string;
      };
      await emulator.whenIdle();
      published = [];
      const report = await reconciler.reconcile();
      expect(report.changed).toBeGreaterThanOrEqual(1);
      const alert = published.find(a => a.id.endsWith(alertId.toLowerCase()))!;
      expect(alert.state).toBe('Acknowledged');
      const events = await knex('alert_events')
        .where('alert_id', alert.id)
        .orderBy('id')
        .select('type', 'actor');
      expect(events).toEqual([
        { type: 'fired', actor: 'azure-monitor' },
        { type: 'acknowledged', actor: SRE_AGENT_DISPLAY_NAME },
      ]);
    });

    it('reports a project it cannot read and goes on', async () => {
      const failing = new AlertReconciler({
        projects: new FakeProjects([
          {
            entityRef: 'system:default/broken',
            resourceGroupId: 'not-a-group',
          },
          {
            entityRef: SYSTEM,
            resourceGroupId: RESOURCE_GROUP_ID.toLowerCase(),
          },
        ]),
        source: new AzureAlertSource(createArmAccess(emulator.url)),
        alerts: store,
        ledger: store,
        listener: { alertsChanged: async () => {} },
      });
      const report = await failing.reconcile();
      expect(report.failures).toEqual([
        {
          entityRef: 'system:default/broken',
          error: expect.stringContaining('Not a resource group id'),
        },
      ]);
      expect(report.seen).toBeGreaterThan(0);
    });
  },
);
