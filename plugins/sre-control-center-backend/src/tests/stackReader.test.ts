import {
  RESOURCE_GROUP_ID,
  STACK_RESOURCES,
  STORAGE_ID,
  KEY_VAULT_ID,
  startCloudEmulator,
  type RunningEmulator,
} from '@sre-control-center/cloud-emulator';
import type { StackSnapshot } from '@sre-control-center/plugin-sre-control-center-common';
import { createArmAccess } from '../adapters/azure/armAccess';
import { AzureAlertRules } from '../adapters/azure/AzureAlertRules';
import { AzureResourceStates } from '../adapters/azure/AzureResourceStates';
import { AzureStackMetrics } from '../adapters/azure/AzureStackMetrics';
import type { ProjectResolver } from '../domain/projects';
import type { StackSnapshotStore } from '../domain/stack/ports';
import { StackReader } from '../domain/stack/StackReader';

jest.setTimeout(30_000);

const SYSTEM = 'system:default/mindful-moments';
const WEBHOOK =
  'http://localhost:7007/api/sre-control-center/webhooks/azure-monitor';

class MemorySnapshots implements StackSnapshotStore {
  readonly saved = new Map<string, Omit<StackSnapshot, 'ageSeconds'>>();
  async get(ref: string) {
    return this.saved.get(ref);
  }
  async save(snapshot: Omit<StackSnapshot, 'ageSeconds'>) {
    this.saved.set(snapshot.entityRef, snapshot);
  }
}

const projects: ProjectResolver = {
  projectForResourceGroup: async () => SYSTEM,
  isSystem: async () => true,
  listProjects: async () => [
    { entityRef: SYSTEM, resourceGroupId: RESOURCE_GROUP_ID },
  ],
};

const totalCalls = (emulator: RunningEmulator) =>
  Object.values(emulator.state.armRequests).reduce((a, b) => a + b, 0);

describe('StackReader through the real Azure SDK clients (emulator)', () => {
  let emulator: RunningEmulator;
  let store: MemorySnapshots;
  let reader: StackReader;
  let now: Date;

  beforeEach(async () => {
    emulator = await startCloudEmulator({
      actionGroupWebhookUrl: `${WEBHOOK}?token=emulator-token-0123456789`,
    });
    now = new Date();
    store = new MemorySnapshots();
    const arm = createArmAccess(emulator.url);
    reader = new StackReader({
      projects,
      inventory: {
        resourcesOf: async () => ({
          resources: STACK_RESOURCES.map(r => ({
            entityRef: `resource:default/${r.name}`,
            name: r.name,
            type: r.type,
            resourceId: r.id,
          })),
          terraformOutputs: {
            status: 'ok',
            checkedAt: now.toISOString(),
            readAt: now.toISOString(),
            error: null,
            source: 'outputs.json',
          },
        }),
      },
      states: new AzureResourceStates(arm),
      metrics: new AzureStackMetrics(arm),
      alertRules: new AzureAlertRules(arm),
      estimates: {
        estimateFor: async () => ({
          monthly: 71.9,
          currency: 'EUR',
          pricedAt: '2026-11-20',
          items: [],
        }),
      },
      costs: {
        get: async () => ({
          currency: 'EUR',
          monthToDate: 3.6,
          forecast: 108.2,
          budget: { amount: 120 },
        }),
      },
      history: {
        lastFiredByRule: async () =>
          new Map([['alert-high-cpu', '2026-11-30T08:00:00.000Z']]),
      },
      store,
      webhookUrls: [WEBHOOK],
      now: () => now,
    });
  });
  afterEach(() => emulator.close());

  it('reads state, SKU, location and version of each resource from ARM', async () => {
    const snapshot = await reader.refreshSystem(SYSTEM);
    const byName = Object.fromEntries(snapshot.resources.map(r => [r.name, r]));
    expect(byName['app-mindful-moments-dev'].arm).toMatchObject({
      state: 'Running',
      location: 'westeurope',
      version: 'NODE|22-lts',
      health: 'ok',
    });
    expect(byName['asp-mindful-moments-dev'].arm).toMatchObject({
      sku: 'B1 (Basic)',
      workers: 1,
      state: 'Ready',
    });
    expect(byName['psql-mindful-moments-dev'].arm).toMatchObject({
      state: 'Ready',
      version: 'PostgreSQL 16.9',
      sku: 'Standard_B1ms (Burstable)',
    });
    expect(byName.stmindfulmomentsdev.arm).toMatchObject({
      provisioningState: 'Succeeded',
      sku: 'Standard_LRS',
    });
    expect(byName['kv-mindful-moments-dev'].arm).toMatchObject({
      provisioningState: 'Succeeded',
      sku: 'standard',
    });
    // Log Analytics and Application Insights have no state to show.
    expect(byName['log-mindful-moments-dev'].arm).toBeNull();
    expect(byName['app-mindful-moments-dev'].portalUrl).toBe(
      `https://portal.azure.com/#resource${byName['app-mindful-moments-dev'].resourceId}/overview`,
    );
    expect(snapshot.problems).toEqual([]);
  });

  it('reads the last hour of every series the card shows', async () => {
    const snapshot = await reader.refreshSystem(SYSTEM);
    const series = Object.fromEntries(
      snapshot.resources.map(r => [r.name, r.metrics.map(m => m.metric)]),
    );
    expect(series).toMatchObject({
      'app-mindful-moments-dev': ['HttpResponseTime', 'Http5xx'],
      'asp-mindful-moments-dev': ['CpuPercentage', 'MemoryPercentage'],
      'psql-mindful-moments-dev': ['connections_failed', 'cpu_percent'],
      stmindfulmomentsdev: ['Availability'],
    });
    const response = snapshot.resources.find(
      r => r.name === 'app-mindful-moments-dev',
    )!.metrics[0];
    expect(response.points.length).toBeGreaterThanOrEqual(12);
    expect(response.latest).toBeGreaterThan(0);
    expect(response.health).toBe('ok');
  });

  it('finds the seeded rule whose action group does not reach the Control Center', async () => {
    const snapshot = await reader.refreshSystem(SYSTEM);
    expect(snapshot.alertRules).toHaveLength(6);
    const cpu = snapshot.alertRules.find(r => r.name === 'alert-high-cpu')!;
    expect(cpu).toMatchObject({
      severity: 'Sev2',
      enabled: true,
      condition: 'Average CpuPercentage > 80 over 15 min',
      lastFiredAt: '2026-11-30T08:00:00.000Z',
    });
    expect(snapshot.wiring.ok).toBe(false);
    expect(snapshot.wiring.problems).toEqual([
      {
        kind: 'rule-not-reaching-portal',
        ruleId: expect.stringMatching(/alert-storage-availability$/),
        actionGroupId: null,
        message:
          'Rule alert-storage-availability uses only ag-mindful-moments-email, which does not call the Control Center: alerts of this rule will not reach the Control Center.',
      },
    ]);
    const main = snapshot.actionGroups.find(
      g => g.name === 'ag-mindful-moments-dev',
    )!;
    expect(main.reachesControlCenter).toBe(true);
    // The token stays in Azure.
    expect(main.webhooks[0].url).toBe(WEBHOOK);
  });

  it('says when the common alert schema is off and when a rule has no action group', async () => {
    emulator.state.actionGroups[0].webhookReceivers[0].useCommonAlertSchema =
      false;
    emulator.state.metricAlertRules[0].actionGroupIds = [];
    const { wiring } = await reader.refreshSystem(SYSTEM);
    expect(wiring.problems.map(p => p.kind)).toEqual([
      'no-action-group-reaches-portal',
      'common-alert-schema-off',
      'rule-without-action-group',
      'rule-not-reaching-portal',
      'rule-not-reaching-portal',
      'rule-not-reaching-portal',
      'rule-not-reaching-portal',
      'rule-not-reaching-portal',
    ]);
    expect(wiring.problems[2].message).toBe(
      `Rule ${emulator.state.metricAlertRules[0].name} has no action group: alerts of this rule will not reach the Control Center.`,
    );
  });

  it('keeps the last known series and says so when metrics answer 429', async () => {
    const first = await reader.refreshSystem(SYSTEM);
    now = new Date(now.getTime() + 5 * 60_000);
    await emulator.runScenario('throttle-metrics', {
      count: 10,
      retryAfterSeconds: 30,
    });
    const second = await reader.refreshSystem(SYSTEM);
    const app = (s: typeof first) =>
      s.resources.find(r => r.name === 'app-mindful-moments-dev')!;
    expect(app(second).metrics).toEqual(app(first).metrics);
    // ARM state is fresh, the series are from the first refresh.
    expect(app(second).arm).toEqual(app(first).arm);
    const throttled = second.problems.filter(p => p.source === 'metrics');
    expect(throttled).toHaveLength(4);
    expect(throttled[0]).toMatchObject({
      code: 'TooManyRequests',
      requiredRole: null,
      message: expect.stringMatching(
        /^Azure is throttling metrics reads; retry after 30 s: the values shown are the last known ones/,
      ),
    });
    const served = await reader.snapshot(SYSTEM);
    expect(served.ageSeconds).toBe(0);
    now = new Date(now.getTime() + 90_000);
    expect((await reader.snapshot(SYSTEM)).ageSeconds).toBe(90);
  });

  it('names the role the backend needs when ARM answers 403', async () => {
    emulator.state.armDenied = [
      KEY_VAULT_ID.toLowerCase(),
      STORAGE_ID.toLowerCase(),
    ];
    const snapshot = await reader.refreshSystem(SYSTEM);
    const denied = snapshot.problems.filter(
      p => p.code === 'AuthorizationFailed',
    );
    expect(denied.map(p => [p.target, p.requiredRole])).toEqual([
      ['stmindfulmomentsdev', 'Reader on the resource group'],
      ['kv-mindful-moments-dev', 'Reader on the resource group'],
      ['stmindfulmomentsdev', 'Monitoring Reader on the resource group'],
    ]);
    expect(denied[1].message).toMatch(
      /^Azure refused to let the backend read kv-mindful-moments-dev \(AuthorizationFailed\): its identity needs Reader on the resource group\./,
    );
  });

  it('serves page views from the snapshot: no Azure call per view', async () => {
    emulator.state.armRequests = {};
    await reader.refresh();
    const perRefresh = totalCalls(emulator);
    // site, plan, PostgreSQL, storage, key vault; rules; action groups; 4 metric batches
    expect(emulator.state.armRequests).toEqual({
      'GET Microsoft.Web/sites': 1,
      'GET Microsoft.Web/serverfarms': 1,
      'GET Microsoft.DBforPostgreSQL/flexibleServers': 1,
      'GET Microsoft.Storage/storageAccounts': 1,
      'GET Microsoft.KeyVault/vaults': 1,
      'GET Microsoft.Insights/metricAlerts': 1,
      'GET Microsoft.Insights/actionGroups': 1,
      'POST metrics:getBatch': 4,
    });
    expect(perRefresh).toBe(11);
    for (let i = 0; i < 20; i++) await reader.snapshot(SYSTEM);
    expect(totalCalls(emulator)).toBe(perRefresh);
    expect((await reader.snapshot(SYSTEM)).cost).toEqual({
      currency: 'EUR',
      estimate: {
        monthly: 71.9,
        currency: 'EUR',
        pricedAt: '2026-11-20',
        items: [],
      },
      monthToDate: 3.6,
      forecast: 108.2,
      budget: 120,
    });
  });

  it('answers 404 for a System it never read', async () => {
    await expect(reader.snapshot('system:default/other')).rejects.toMatchObject(
      {
        name: 'NotFoundError',
      },
    );
  });
});
