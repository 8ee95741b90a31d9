import { TestDatabases } from '@backstage/backend-test-utils';
import type { Alert } from '@sre-control-center/plugin-sre-control-center-common';
import type { Knex } from 'knex';
import { decodeDelivery } from '../../adapters/decodeDelivery';
import { alertmanagerPayload } from '../../tests/fixtures';
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
        decode: decodeDelivery,
        now: () => new Date('2026-11-28T10:10:00.000Z'),
      });
    });

    afterEach(async () => {
      await knex.destroy();
    });

    async function deliver(
      body: string,
      kind = 'common-alert',
      more: { source?: 'alertmanager'; entityRef?: string } = {},
    ) {
      await inbox.add({
        source: more.source ?? 'azure-monitor',
        kind,
        deliveryKey: null,
        body,
        receivedAt: new Date(),
        entityRef: more.entityRef,
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
        decode: decodeDelivery,
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
        decode: decodeDelivery,
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
        decode: decodeDelivery,
        onError: e => errors.push(e),
      });
      await failing.drain();
      expect(errors).toHaveLength(1);
      expect(await knex('inbox').whereNull('processed_at')).toHaveLength(1);

      await processor.drain();
      expect(await knex('inbox').whereNull('processed_at')).toHaveLength(0);
      expect(await knex('alerts').select()).toHaveLength(1);
    });

    it('applies every alert of an Alertmanager delivery, each to its System', async () => {
      const site = `${RG}/providers/Microsoft.Web/sites/app-mindful-moments-dev`;
      const body = JSON.stringify(alertmanagerPayload({}, site));
      await deliver(body, 'alertmanager', { source: 'alertmanager' });
      await deliver(body, 'alertmanager', { source: 'alertmanager' }); // a retry
      await processor.drain();

      const alerts = await knex('alerts').orderBy('id').select();
      expect(
        alerts.map(a => [a.id, a.entity_ref, a.monitor_condition]),
      ).toEqual([
        ['alertmanager:0f1e2d3c4b5a6978', SYSTEM, 'Resolved'],
        ['alertmanager:a1b2c3d4e5f60718', SYSTEM, 'Fired'],
      ]);
      expect(JSON.parse(alerts[1].condition)).toMatchObject({
        source: 'alertmanager',
        query: 'rate(http_errors_total[5m]) > 0.05',
      });
      const events = await knex('alert_events').orderBy('id').select();
      expect(events.map(e => [e.type, e.actor])).toEqual([
        ['fired', 'alertmanager'],
        ['fired', 'alertmanager'],
        ['resolved', 'alertmanager'],
      ]);
      expect(published).toHaveLength(2);
      const rows = await knex('inbox').select('processed_at', 'error');
      expect(rows.every(r => r.processed_at !== null && r.error === null)).toBe(
        true,
      );
    });

    it('applies the alerts it can place and retries the delivery for the others', async () => {
      const other = '/subscriptions/3f2b8c1e/resourceGroups/rg-not-yet-claimed';
      const payload = alertmanagerPayload(
        {},
        `${other}/providers/Microsoft.Web/sites/app`,
      );
      await deliver(JSON.stringify(payload), 'alertmanager', {
        source: 'alertmanager',
      });
      await processor.drain();
      // The labelled alert has its System; the other waits for the catalog.
      expect(await knex('alerts').pluck('id')).toEqual([
        'alertmanager:0f1e2d3c4b5a6978',
      ]);
      const [row] = await knex('inbox').select('processed_at', 'error');
      expect(row.processed_at).toBeNull();
      expect(row.error).toMatch(
        /HighErrorRate: no catalog System .*rg-not-yet-claimed/,
      );
    });

    it('shows an unrecognized payload as a generic alert of the System on the URL, once', async () => {
      const body = JSON.stringify({ event: 'disk_full', host: 'db-1' });
      await deliver(body, 'unrecognized', { entityRef: SYSTEM });
      await deliver(body, 'unrecognized', { entityRef: SYSTEM });
      await processor.drain();
      const alerts = await knex('alerts').select();
      expect(alerts).toHaveLength(1);
      expect(alerts[0]).toMatchObject({
        entity_ref: SYSTEM,
        name: 'unrecognized payload',
        severity: 'Sev4',
        monitor_condition: 'Fired',
      });
      expect(alerts[0].id).toMatch(/^unrecognized:[0-9a-f]{64}$/);
    });

    it('sets aside an unrecognized payload that names no System, saying so', async () => {
      await deliver('{"event":"disk_full"}', 'unrecognized');
      await processor.drain();
      const [row] = await knex('inbox').select('processed_at', 'error');
      expect(row.processed_at).not.toBeNull();
      expect(row.error).toMatch(
        /unrecognized payload: .*no \?entityRef= naming its System/,
      );
      expect(await knex('alerts').select()).toHaveLength(0);
    });

    it('keeps the condition the payload described on the alert', async () => {
      const body = JSON.parse(commonAlert('Fired'));
      body.data.essentials.monitoringService = 'Platform';
      body.data.alertContext = {
        conditionType: 'SingleResourceMultipleMetricCriteria',
        condition: {
          windowSize: 'PT5M',
          allOf: [
            {
              metricName: 'HttpResponseTime',
              operator: 'GreaterThan',
              threshold: '2',
              metricValue: 3.5,
            },
          ],
        },
      };
      await deliver(JSON.stringify(body));
      await processor.drain();
      expect(published[0].condition).toMatchObject({
        metric: 'HttpResponseTime',
        operator: 'GreaterThan',
        threshold: 2,
        observed: 3.5,
      });
      const stored = await new DatabaseAlertStore(knex).get(published[0].id);
      expect(stored?.condition).toEqual(published[0].condition);
    });
  },
);
