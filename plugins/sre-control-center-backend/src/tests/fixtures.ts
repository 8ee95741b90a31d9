/** Test data and helpers shared by the backend plugin's integration tests. */

/** The Mindful Moments System, owning the given resource group. */
export function systemOwning(resourceGroupId: string) {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: {
      name: 'mindful-moments',
      namespace: 'default',
      annotations: {
        'sre-control-center/azure-resource-group': resourceGroupId,
      },
    },
    spec: { owner: 'group:default/mindful-moments-team' },
  };
}

/** An Azure alert id in its real shape; `n` makes the alert's GUID. */
export function azureAlertId(
  n: number,
  subscription = '3f2b8c1e-7d4a-4e5b-9c6f-1a2b3c4d5e6f',
): string {
  return `/subscriptions/${subscription}/providers/Microsoft.AlertsManagement/alerts/00000000-0000-4000-8000-${n
    .toString(16)
    .padStart(12, '0')}`;
}

/** A System without an Azure resource group: alerts reach it only by name. */
export function plainSystem(name: string) {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: { name, namespace: 'default' },
    spec: { owner: 'group:default/other-team' },
  };
}

/** A common-alert-schema delivery with only the essentials the portal reads. */
export function commonAlertPayload(essentials: {
  alertId: string;
  alertRule: string;
  severity: string;
  monitorCondition: 'Fired' | 'Resolved';
  targetResourceId: string;
  firedDateTime: string;
  resolvedDateTime?: string;
}) {
  const { targetResourceId, ...rest } = essentials;
  return {
    schemaId: 'azureMonitorCommonAlertSchema',
    data: {
      essentials: { ...rest, alertTargetIDs: [targetResourceId.toLowerCase()] },
      alertContext: {},
    },
  };
}

/** Polls until `ok` holds (webhook processing is asynchronous to its 202), or `timeoutMs` (10 s) pass. */
export async function eventually<T>(
  fn: () => Promise<T>,
  ok: (t: T) => boolean,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise(r => setTimeout(r, 50));
  }
}

/** One alert of an Alertmanager webhook payload. */
export interface AlertmanagerAlertFixture {
  status: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  startsAt: string;
  endsAt: string;
  generatorURL: string;
  fingerprint: string;
}

/** A version 4 webhook payload as Alertmanager sends it: one group, two alerts. */
export function alertmanagerPayload(
  overrides: Record<string, unknown> = {},
  site = '/subscriptions/3f2b8c1e/resourceGroups/rg-mindful-moments-dev/providers/Microsoft.Web/sites/app-mindful-moments-dev',
): { alerts: AlertmanagerAlertFixture[]; [key: string]: unknown } {
  return {
    version: '4',
    groupKey: '{}:{alertname="HighErrorRate"}',
    truncatedAlerts: 0,
    status: 'firing',
    receiver: 'sre-control-center',
    groupLabels: { alertname: 'HighErrorRate' },
    commonLabels: { alertname: 'HighErrorRate', severity: 'critical' },
    commonAnnotations: {},
    externalURL: 'http://alertmanager.local:9093',
    alerts: [
      {
        status: 'firing',
        labels: {
          alertname: 'HighErrorRate',
          severity: 'critical',
          azure_resource_id: site,
          instance: 'app-1',
        },
        annotations: {
          summary: 'Error rate above 5 %',
          description: 'app-1 answers 9 % of requests with 5xx',
        },
        startsAt: '2026-11-28T10:00:00.123456789Z',
        endsAt: '0001-01-01T00:00:00Z',
        generatorURL:
          'http://prometheus.local:9090/graph?g0.expr=rate%28http_errors_total%5B5m%5D%29+%3E+0.05&g0.tab=1',
        fingerprint: 'A1B2C3D4E5F60718',
      },
      {
        status: 'resolved',
        labels: {
          alertname: 'HighErrorRate',
          severity: 'warning',
          backstage_entity_ref: 'System:default/Mindful-Moments',
        },
        annotations: {},
        startsAt: '2026-11-28T09:00:00Z',
        endsAt: '2026-11-28T09:30:00+01:00',
        generatorURL: 'not a url',
        fingerprint: '0f1e2d3c4b5a6978',
      },
    ],
    ...overrides,
  };
}
