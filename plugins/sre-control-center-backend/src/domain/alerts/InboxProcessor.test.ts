import { TestDatabases } from '@backstage/backend-test-utils';
import type { Alert } from '@internal/plugin-sre-control-center-common';
import type { Knex } from 'knex';
import { decodeAzureMonitorDelivery } from '../../adapters/azure/decodeAzureMonitorDelivery';
import { DatabaseAlertStore } from '../../store/DatabaseAlertStore';
import { DatabaseInbox } from '../../store/DatabaseInbox';
import { migrationsDir } from '../../store/migrations';
import { InboxProcessor } from './InboxProcessor';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_16'] });
const RG = '/subscriptions/3f2b8c1e/resourceGroups/rg-mindful-moments-dev';
const SYSTEM = 'system:default/mindful-moments';

function commonAlert(monitorCondition: 'Fired' | 'Resolved', rg = RG) {
  return JSON.stringify({
    schemaId: 'azureMonitorCommonAlertSchema',
    data: {
      essentials: {
        alertId:
          '/subscriptions/3f2b8c1e/providers/Microsoft.AlertsManagement/alerts/A-1',
        alertRule: 'alert-high-response-time',
        severity: 'Sev2',
        monitorCondition,
        alertTargetIDs: [
          `${rg.toLowerCase()}/providers/microsoft.web/sites/app-mindful-moments-dev`,
        ],
        firedDateTime: '2026-11-28T10:00:00.000Z',
        ...(monitorCondition === 'Resolved'
          ? { resolvedDateTime: '2026-11-28T10:09:00.000Z' }
          : {}),
      },
      alertContext: {},
    },
  });
}

describe.each(databases.eachSupportedId())(
  'InboxProcessor on %p',
  databaseId => {
    let knex: Knex;
    let inbox: DatabaseInbox;
    let published: Alert[];
    let processor: InboxProcessor;

    beforeEach(async () => {
      knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory: migrationsDir });
      inbox = new DatabaseInbox(knex);
      const store = new DatabaseAlertStore(knex);
      published = [];
      processor = new InboxProcessor({
        queue: inbox,
        alerts: store,
        ledger: store,
        projects: {
          async projectForResourceGroup(id) {
            return id === RG.toLowerCase() ? SYSTEM : undefined;
          },
          async listProjects() {
            return [{ entityRef: SYSTEM, resourceGroupId: RG.toLowerCase() }];
          },
        },
        publisher: {
          async alertChanged(alert) {
            published.push(alert);
          },
        },
        decode: decodeAzureMonitorDelivery,
        now: () => new Date('2026-11-28T10:10:00.000Z'),
      });
    });

    afterEach(async () => {
      await knex.destroy();
    });

    async function deliver(body: string, kind = 'common-alert') {
      await inbox.add({
        source: 'azure-monitor',
        kind,
        deliveryKey: null,
        body,
        receivedAt: new Date(),
      });
    }

    it('turns Fired, a retried Fired and Resolved into one resolved alert', async () => {
      await deliver(commonAlert('Fired'));
      await deliver(commonAlert('Fired'));
      await deliver(commonAlert('Resolved'));
      await processor.drain();

      const alerts = await knex('alerts').select();
      expect(alerts).toHaveLength(1);
      expect(alerts[0]).toMatchObject({
        id: '/subscriptions/3f2b8c1e/providers/microsoft.alertsmanagement/alerts/a-1',
        entity_ref: SYSTEM,
        state: 'New',
        monitor_condition: 'Resolved',
      });
      const events = await knex('alert_events').orderBy('id').select('type');
      expect(events.map(e => e.type)).toEqual(['fired', 'resolved']);
      expect(published.map(a => a.monitorCondition)).toEqual([
        'Fired',
        'Resolved',
      ]);
      const inboxRows = await knex('inbox').whereNull('processed_at');
      expect(inboxRows).toHaveLength(0);
    });

    it('keeps what it cannot apply, with the reason', async () => {
      await deliver(
        commonAlert('Fired', '/subscriptions/x/resourceGroups/unknown-rg'),
      );
      await deliver(
        '{"schemaId":"azureMonitorCommonAlertSchema","data":{"essentials":{}}}',
      );
      await deliver(
        '{"schemaId":"AIP Budget Notification","data":{"BudgetName":"b"}}',
        'budget',
      );
      await processor.drain();

      const rows = await knex('inbox')
        .orderBy('id')
        .select('error', 'processed_at');
      // The unclaimed resource group is retried for a while: the catalog may be behind.
      expect(rows[0].processed_at).toBeNull();
      expect(rows[0].error).toMatch(/no catalog System .*unknown-rg/);
      expect(rows.slice(1).every(r => r.processed_at !== null)).toBe(true);
      expect(rows[1].error).toMatch(/data\.essentials\.alertId/);
      expect(rows[2].error).toMatch(/budget/);
      expect(await knex('alerts').select()).toHaveLength(0);
      expect(published).toEqual([]);
    });

    it('matches a delivery once its System appears, and sets it aside after the grace period', async () => {
      let known = false;
      let clock = new Date();
      const late = new InboxProcessor({
        queue: inbox,
        alerts: new DatabaseAlertStore(knex),
        ledger: new DatabaseAlertStore(knex),
        projects: {
          projectForResourceGroup: async id =>
            known && id === RG.toLowerCase() ? SYSTEM : undefined,
          listProjects: async () => [],
        },
        publisher: { alertChanged: async () => {} },
        decode: decodeAzureMonitorDelivery,
        now: () => clock,
      });
      await deliver(commonAlert('Fired'));
      await deliver(
        commonAlert('Fired', '/subscriptions/x/resourceGroups/never-claimed'),
      );
      await late.drain();
      expect(await knex('alerts').select()).toHaveLength(0);

      known = true;
      await late.drain();
      expect(await knex('alerts').select()).toHaveLength(1);
      expect(await knex('inbox').whereNull('processed_at')).toHaveLength(1);

      known = false;
      clock = new Date(Date.now() + 16 * 60_000);
      await late.drain();
      const [setAside] = await knex('inbox').orderBy('id', 'desc').limit(1);
      expect(setAside.processed_at).not.toBeNull();
      expect(setAside.error).toMatch(/never-claimed/);
    });

    it('hands budget alerts to cost tracking', async () => {
      const crossed: string[] = [];
      const withBudgets = new InboxProcessor({
        queue: inbox,
        alerts: new DatabaseAlertStore(knex),
        ledger: new DatabaseAlertStore(knex),
        projects: {
          projectForResourceGroup: async () => SYSTEM,
          listProjects: async () => [],
        },
        publisher: { alertChanged: async () => {} },
        decode: decodeAzureMonitorDelivery,
        budgets: {
          budgetCrossed: async name => {
            crossed.push(name);
            return undefined;
          },
        },
      });
      // The shape Cost Management sends through an action group (common schema).
      await deliver(
        JSON.stringify({
          schemaId: 'azureMonitorCommonAlertSchema',
          data: {
            essentials: {
              monitoringService: 'CostAlerts',
              alertId:
                '/subscriptions/s/providers/Microsoft.CostManagement/alerts/1',
            },
            alertContext: {
              AlertCategory: 'budgets',
              AlertData: { BudgetName: 'budget-mindful-moments-dev' },
            },
          },
        }),
        'budget',
      );
      await withBudgets.drain();
      expect(crossed).toEqual(['budget-mindful-moments-dev']);
      const [row] = await knex('inbox').select('processed_at', 'error');
      expect(row.processed_at).not.toBeNull();
      expect(row.error).toBeNull();
      expect(await knex('alerts').select()).toHaveLength(0);
    });

    it('leaves deliveries pending when the store fails, for the next drain', async () => {
      await deliver(commonAlert('Fired'));
      const errors: unknown[] = [];
      const failing = new InboxProcessor({
        queue: inbox,
        alerts: new DatabaseAlertStore(knex),
        ledger: {
          record: async () => Promise.reject(new Error('database is down')),
        },
        projects: {
          projectForResourceGroup: async () => SYSTEM,
          listProjects: async () => [],
        },
        publisher: { alertChanged: async () => {} },
        decode: decodeAzureMonitorDelivery,
        onError: e => errors.push(e),
      });
      await failing.drain();
      expect(errors).toHaveLength(1);
      expect(await knex('inbox').whereNull('processed_at')).toHaveLength(1);

      await processor.drain();
      expect(await knex('inbox').whereNull('processed_at')).toHaveLength(0);
      expect(await knex('alerts').select()).toHaveLength(1);
    });
  },
);
