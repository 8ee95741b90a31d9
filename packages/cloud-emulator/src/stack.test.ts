import { getClient } from '@azure-rest/core-client';
import { MonitorClient } from '@azure/arm-monitor';
import { CostManagementClient } from '@azure/arm-costmanagement';
import { PostgreSQLManagementFlexibleServerClient } from '@azure/arm-postgresql-flexible';
import { MetricsClient } from '@azure/monitor-query-metrics';
import {
  ACTION_GROUP_NAME,
  EMAIL_ACTION_GROUP_ID,
  KEY_VAULT_ID,
  KEY_VAULT_NAME,
  POSTGRES_NAME,
  RESOURCE_GROUP,
  RunningEmulator,
  STORAGE_ID,
  STORAGE_NAME,
  SUBSCRIPTION_ID,
  emulatorCredential,
  startCloudEmulator,
  useEmulatorAuth,
} from './index';

const WEBHOOK =
  'http://127.0.0.1:7007/api/sre-control-center/webhooks/azure-monitor?token=t0k3n';
const rgScope = `/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/${RESOURCE_GROUP}`;

describe('what the stack card reads, through the real SDK clients', () => {
  let emulator: RunningEmulator;
  const options = () => ({
    endpoint: emulator.url,
    allowInsecureConnection: true,
    retryOptions: { maxRetries: 0 },
  });

  beforeEach(async () => {
    emulator = await startCloudEmulator({ actionGroupWebhookUrl: WEBHOOK });
  });
  afterEach(() => emulator.close());

  it('lists the metric alert rules of the resource group (@azure/arm-monitor)', async () => {
    const monitor = useEmulatorAuth(
      new MonitorClient(emulatorCredential, SUBSCRIPTION_ID, options()),
    );
    const rules = [];
    for await (const rule of monitor.metricAlerts.listByResourceGroup(
      RESOURCE_GROUP,
    ))
      rules.push(rule);
    expect(rules.map(r => r.name).sort()).toEqual([
      'alert-db-connection-failures',
      'alert-high-cpu',
      'alert-high-memory',
      'alert-high-response-time',
      'alert-http-5xx',
      'alert-storage-availability',
    ]);
    const storage = rules.find(r => r.name === 'alert-storage-availability')!;
    expect(storage).toMatchObject({
      severity: 2,
      enabled: true,
      scopes: [STORAGE_ID],
      actions: [{ actionGroupId: EMAIL_ACTION_GROUP_ID }],
    });
    expect(storage.criteria).toMatchObject({
      odataType: 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria',
      allOf: [
        { metricName: 'Availability', operator: 'LessThan', threshold: 99 },
      ],
    });
  });

  it('reads action groups with their webhook receivers', async () => {
    const monitor = useEmulatorAuth(
      new MonitorClient(emulatorCredential, SUBSCRIPTION_ID, options()),
    );
    const group = await monitor.actionGroups.get(
      RESOURCE_GROUP,
      ACTION_GROUP_NAME,
    );
    expect(group.enabled).toBe(true);
    expect(group.webhookReceivers).toEqual([
      expect.objectContaining({
        serviceUri: WEBHOOK,
        useCommonAlertSchema: true,
      }),
    ]);
    const all = [];
    for await (const g of monitor.actionGroups.listByResourceGroup(
      RESOURCE_GROUP,
    ))
      all.push(g);
    expect(all.map(g => [g.name, g.webhookReceivers?.length])).toEqual([
      [ACTION_GROUP_NAME, 1],
      ['ag-mindful-moments-email', 0],
    ]);
    await expect(
      monitor.actionGroups.get(RESOURCE_GROUP, 'ag-missing'),
    ).rejects.toMatchObject({ statusCode: 404 });
  });

  it('reads storage and key vault provisioning state, and PostgreSQL state and version', async () => {
    const storage = useEmulatorAuth(
      getClient(emulator.url, emulatorCredential, {
        allowInsecureConnection: true,
        apiVersion: '2023-05-01',
      }),
    );
    const account = await storage.path(STORAGE_ID).get();
    expect(account.status).toBe('200');
    expect(account.body).toMatchObject({
      name: STORAGE_NAME,
      sku: { name: 'Standard_LRS' },
      properties: {
        provisioningState: 'Succeeded',
        statusOfPrimary: 'available',
      },
    });
    const vaults = useEmulatorAuth(
      getClient(emulator.url, emulatorCredential, {
        allowInsecureConnection: true,
        apiVersion: '2023-07-01',
      }),
    );
    const vault = await vaults.path(KEY_VAULT_ID).get();
    expect(vault.body).toMatchObject({
      name: KEY_VAULT_NAME,
      properties: { provisioningState: 'Succeeded', sku: { name: 'standard' } },
    });
    const postgres = useEmulatorAuth(
      new PostgreSQLManagementFlexibleServerClient(
        emulatorCredential,
        SUBSCRIPTION_ID,
        options(),
      ),
    );
    const server = await postgres.servers.get(RESOURCE_GROUP, POSTGRES_NAME);
    expect([server.state, server.version]).toEqual(['Ready', '16']);
  });

  it('answers 403 AuthorizationFailed for resources the caller has no role on', async () => {
    emulator.state.armDenied = [KEY_VAULT_ID.toLowerCase()];
    const vaults = useEmulatorAuth(
      getClient(emulator.url, emulatorCredential, {
        allowInsecureConnection: true,
        apiVersion: '2023-07-01',
      }),
    );
    const vault = await vaults.path(KEY_VAULT_ID).get();
    expect(vault.status).toBe('403');
    expect(vault.body).toMatchObject({
      error: {
        code: 'AuthorizationFailed',
        message: expect.stringContaining("'Microsoft.KeyVault/vaults/read'"),
      },
    });
  });

  it('serves storage availability and throttles metrics with throttle-metrics', async () => {
    const metrics = useEmulatorAuth(
      new MetricsClient(emulator.url, emulatorCredential, {
        allowInsecureConnection: true,
        retryOptions: { maxRetries: 0 },
      }),
    );
    const [result] = await metrics.queryResources(
      [STORAGE_ID],
      ['Availability'],
      'Microsoft.Storage/storageAccounts',
      { interval: 'PT5M', aggregation: 'average' },
    );
    const points = result.metrics[0].timeseries[0].data ?? [];
    expect(points.length).toBeGreaterThanOrEqual(12);
    expect(points[0].average).toBeGreaterThan(99);

    await emulator.runScenario('throttle-metrics', {
      count: 1,
      retryAfterSeconds: 2,
    });
    await expect(
      metrics.queryResources(
        [STORAGE_ID],
        ['Availability'],
        'Microsoft.Storage/storageAccounts',
      ),
    ).rejects.toMatchObject({ statusCode: 429 });
  });

  it('filters Cost Management queries with and/or, tags and not', async () => {
    const costs = useEmulatorAuth(
      new CostManagementClient(emulatorCredential, options()),
    );
    const total = async (filter: object) => {
      const result = await costs.query.usage(rgScope, {
        type: 'ActualCost',
        timeframe: 'MonthToDate',
        dataset: {
          aggregation: { totalCost: { name: 'Cost', function: 'Sum' } },
          filter,
        },
      });
      return Number(result.rows?.[0]?.[0] ?? 0);
    };
    const logs = await total({
      dimensions: {
        name: 'ServiceName',
        operator: 'In',
        values: ['Log Analytics'],
      },
    });
    const all = await total({
      tags: { name: 'app', operator: 'In', values: ['mindful-moments'] },
    });
    expect(logs).toBeGreaterThan(0);
    expect(all).toBeGreaterThan(logs);
    expect(
      await total({
        and: [
          {
            dimensions: {
              name: 'ServiceName',
              operator: 'In',
              values: ['Log Analytics'],
            },
          },
          { tags: { name: 'environment', operator: 'In', values: ['dev'] } },
        ],
      }),
    ).toBeCloseTo(logs, 4);
    expect(
      await total({
        or: [
          {
            dimensions: {
              name: 'ServiceName',
              operator: 'In',
              values: ['Log Analytics'],
            },
          },
          { tags: { name: 'environment', operator: 'In', values: ['prod'] } },
        ],
      }),
    ).toBeCloseTo(logs, 4);
    await expect(
      total({
        and: [{ tags: { name: 'app', operator: 'In', values: ['x'] } }],
      }),
    ).rejects.toMatchObject({
      statusCode: 400,
      message: expect.stringContaining(
        "'and' filter expression must have at least 2 items",
      ),
    });

    // `not` is in the REST API (2019-11-01) but not in the SDK's model: the REST client sends it.
    const rest = useEmulatorAuth(
      getClient(emulator.url, emulatorCredential, {
        allowInsecureConnection: true,
        apiVersion: '2019-11-01',
      }),
    );
    const notLogs = await rest
      .path(`${rgScope}/providers/Microsoft.CostManagement/query`)
      .post({
        body: {
          type: 'ActualCost',
          timeframe: 'MonthToDate',
          dataset: {
            aggregation: { totalCost: { name: 'Cost', function: 'Sum' } },
            filter: {
              not: {
                dimensions: {
                  name: 'ServiceName',
                  operator: 'In',
                  values: ['Log Analytics'],
                },
              },
            },
          },
        },
      });
    expect(notLogs.status).toBe('200');
    const rows = (notLogs.body as { properties: { rows: number[][] } })
      .properties.rows;
    expect(rows[0][0] + logs).toBeCloseTo(all, 4);
  });
});
