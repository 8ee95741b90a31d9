import type {
  MetricSeries,
  StackSnapshot,
} from '@sre-control-center/plugin-sre-control-center-common';

const RG =
  '/subscriptions/3f2b8c1e-7d4a-4e5b-9c6f-1a2b3c4d5e6f/resourceGroups/rg-mindful-moments-dev';
const at = '2026-12-01T10:00:00.000Z';

const series = (
  metric: string,
  label: string,
  unit: string,
  values: Array<number | null>,
  health: MetricSeries['health'] = 'ok',
): MetricSeries => ({
  metric,
  label,
  unit,
  aggregation: unit === 'Count' ? 'Total' : 'Average',
  points: values.map((value, i) => ({
    at: new Date(
      Date.parse(at) - (values.length - 1 - i) * 300_000,
    ).toISOString(),
    value,
  })),
  latest: [...values].reverse().find(v => v !== null) ?? null,
  health,
});

/** A stack snapshot as GET /stack answers it for the seeded Mindful Moments world. */
export function stackSnapshot(
  overrides: Partial<StackSnapshot> = {},
): StackSnapshot {
  return {
    entityRef: 'system:default/mindful-moments',
    resourceGroupId: RG,
    resources: [
      {
        entityRef: 'resource:default/app-mindful-moments-dev',
        name: 'app-mindful-moments-dev',
        type: 'azure-app-service',
        resourceId: `${RG}/providers/Microsoft.Web/sites/app-mindful-moments-dev`,
        portalUrl: `https://portal.azure.com/#resource${RG}/providers/Microsoft.Web/sites/app-mindful-moments-dev/overview`,
        arm: {
          state: 'Running',
          provisioningState: null,
          sku: null,
          workers: null,
          location: 'westeurope',
          version: 'NODE|22-lts',
          health: 'ok',
        },
        metrics: [
          series('HttpResponseTime', 'Response time', 'Seconds', [
            0.3,
            0.35,
            0.4,
            null,
            0.38,
            0.41,
          ]),
          series('Http5xx', 'HTTP 5xx', 'Count', [0, 0, 1, 0, 0, 0]),
        ],
        readAt: at,
      },
      {
        entityRef: 'resource:default/psql-mindful-moments-dev',
        name: 'psql-mindful-moments-dev',
        type: 'azure-postgresql-flexible-server',
        resourceId: `${RG}/providers/Microsoft.DBforPostgreSQL/flexibleServers/psql-mindful-moments-dev`,
        portalUrl: `https://portal.azure.com/#resource${RG}/providers/Microsoft.DBforPostgreSQL/flexibleServers/psql-mindful-moments-dev/overview`,
        arm: {
          state: 'Stopped',
          provisioningState: null,
          sku: 'Standard_B1ms (Burstable)',
          workers: null,
          location: 'westeurope',
          version: 'PostgreSQL 16.9',
          health: 'error',
        },
        metrics: [
          series(
            'connections_failed',
            'Failed connections',
            'Count',
            [0, 2, 7, 9, 12, 23],
            'critical',
          ),
          series('cpu_percent', 'CPU', 'Percent', [15, 14, 16, 15, 17, 15]),
        ],
        readAt: at,
      },
      {
        entityRef: 'resource:default/asp-mindful-moments-dev',
        name: 'asp-mindful-moments-dev',
        type: 'azure-app-service-plan',
        resourceId: `${RG}/providers/Microsoft.Web/serverfarms/asp-mindful-moments-dev`,
        portalUrl: `https://portal.azure.com/#resource${RG}/providers/Microsoft.Web/serverfarms/asp-mindful-moments-dev/overview`,
        arm: {
          state: 'Ready',
          provisioningState: 'Succeeded',
          sku: 'B1 (Basic)',
          workers: 1,
          location: 'westeurope',
          version: null,
          health: 'ok',
        },
        metrics: [],
        readAt: at,
      },
    ],
    alertRules: [
      {
        id: `${RG}/providers/microsoft.insights/metricAlerts/alert-high-cpu`,
        name: 'alert-high-cpu',
        description: null,
        severity: 'Sev2',
        enabled: true,
        condition: 'Average CpuPercentage > 80 over 15 min',
        criteria: [],
        targetResourceIds: [],
        actionGroupIds: [],
        lastFiredAt: '2026-11-30T08:00:00.000Z',
      },
      {
        id: `${RG}/providers/microsoft.insights/metricAlerts/alert-storage-availability`,
        name: 'alert-storage-availability',
        description: null,
        severity: 'Sev2',
        enabled: true,
        condition: 'Average Availability < 99 over 15 min',
        criteria: [],
        targetResourceIds: [],
        actionGroupIds: [],
        lastFiredAt: null,
      },
    ],
    actionGroups: [],
    wiring: {
      ok: false,
      webhookUrls: [
        'http://localhost:7007/api/sre-control-center/webhooks/azure-monitor',
      ],
      problems: [
        {
          kind: 'rule-not-reaching-portal',
          ruleId: `${RG}/providers/microsoft.insights/metricAlerts/alert-storage-availability`,
          actionGroupId: null,
          message:
            'Rule alert-storage-availability uses only ag-mindful-moments-email, which does not call the Control Center: alerts of this rule will not reach the Control Center.',
        },
      ],
    },
    cost: {
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
    },
    terraformOutputs: {
      status: 'ok',
      checkedAt: at,
      readAt: at,
      error: null,
      source: 'outputs.json',
    },
    refreshedAt: at,
    ageSeconds: 95,
    problems: [],
    ...overrides,
  };
}
