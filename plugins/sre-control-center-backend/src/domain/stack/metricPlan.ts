import type { MetricSpec } from './ports';

/**
 * The health summary's series per resource type: what the stack card shows
 * for the last hour. Warning and critical levels follow the stack's alert
 * rules (the Terraform: response time over 5 s, Http5xx over 10, CPU over
 * 80 %, connections_failed over 5); an alert rule on the same metric and
 * resource overrides the critical level.
 */
export const METRIC_PLAN: Record<
  string,
  { namespace: string; metrics: MetricSpec[] }
> = {
  'azure-app-service': {
    namespace: 'Microsoft.Web/sites',
    metrics: [
      {
        metric: 'HttpResponseTime',
        label: 'Response time',
        unit: 'Seconds',
        aggregation: 'Average',
        warning: 2,
        critical: 5,
        direction: 'above',
      },
      {
        metric: 'Http5xx',
        label: 'HTTP 5xx',
        unit: 'Count',
        aggregation: 'Total',
        warning: 1,
        critical: 10,
        direction: 'above',
      },
    ],
  },
  'azure-app-service-plan': {
    namespace: 'Microsoft.Web/serverfarms',
    metrics: [
      {
        metric: 'CpuPercentage',
        label: 'CPU',
        unit: 'Percent',
        aggregation: 'Average',
        warning: 70,
        critical: 80,
        direction: 'above',
      },
      {
        metric: 'MemoryPercentage',
        label: 'Memory',
        unit: 'Percent',
        aggregation: 'Average',
        warning: 80,
        critical: 90,
        direction: 'above',
      },
    ],
  },
  'azure-postgresql-flexible-server': {
    namespace: 'Microsoft.DBforPostgreSQL/flexibleServers',
    metrics: [
      {
        metric: 'connections_failed',
        label: 'Failed connections',
        unit: 'Count',
        aggregation: 'Total',
        warning: 1,
        critical: 5,
        direction: 'above',
      },
      {
        metric: 'cpu_percent',
        label: 'CPU',
        unit: 'Percent',
        aggregation: 'Average',
        warning: 70,
        critical: 80,
        direction: 'above',
      },
    ],
  },
  'azure-storage-account': {
    namespace: 'Microsoft.Storage/storageAccounts',
    metrics: [
      {
        metric: 'Availability',
        label: 'Availability',
        unit: 'Percent',
        aggregation: 'Average',
        warning: 99.9,
        critical: 99,
        direction: 'below',
      },
    ],
  },
};

/** ok / warning / critical for the newest value of a series. */
export function seriesHealth(
  spec: Pick<MetricSpec, 'warning' | 'critical' | 'direction'>,
  latest: number | null,
): 'ok' | 'warning' | 'critical' | 'unknown' {
  if (latest === null) return 'unknown';
  const past = (limit: number) =>
    spec.direction === 'above' ? latest > limit : latest < limit;
  if (past(spec.critical)) return 'critical';
  if (past(spec.warning)) return 'warning';
  return 'ok';
}
