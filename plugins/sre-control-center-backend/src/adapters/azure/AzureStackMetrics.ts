import { MetricsClient } from '@azure/monitor-query-metrics';
import type { MetricQuery, MetricsSource } from '../../domain/stack/ports';
import type { ArmAccess } from './armAccess';
import { toStackReadError } from './stackReadError';

const AGGREGATION_FIELD = {
  Average: 'average',
  Total: 'total',
  Maximum: 'maximum',
  Minimum: 'minimum',
  Count: 'count',
} as const;

/**
 * Metrics of the last hour through `@azure/monitor-query-metrics`
 * (metrics:getBatch): one call per namespace and region for every resource
 * and metric of that kind. The batch API is regional
 * (https://<region>.metrics.monitor.azure.com); the emulator answers on its
 * own host.
 */
export class AzureStackMetrics implements MetricsSource {
  private readonly clients = new Map<string, MetricsClient>();

  constructor(private readonly arm: ArmAccess) {}

  private client(location: string | null): MetricsClient {
    const emulated = this.arm.endpoint.startsWith('http://');
    const endpoint = emulated
      ? this.arm.endpoint
      : `https://${location ?? 'westeurope'}.metrics.monitor.azure.com`;
    let client = this.clients.get(endpoint);
    if (!client) {
      client = this.arm.prepare(
        new MetricsClient(endpoint, this.arm.credential, {
          allowInsecureConnection: emulated,
          // A throttled refresh keeps its last values; the next run retries.
          retryOptions: { maxRetries: 0 },
        }),
      );
      this.clients.set(endpoint, client);
    }
    return client;
  }

  async query(query: MetricQuery) {
    const aggregations = [
      ...new Set(query.metrics.map(m => AGGREGATION_FIELD[m.aggregation])),
    ];
    try {
      const results = await this.client(query.location).queryResources(
        query.resources.map(r => r.id),
        query.metrics.map(m => m.metric),
        query.namespace,
        {
          startTime: query.from,
          endTime: query.to,
          interval: query.interval,
          aggregation: aggregations.join(','),
        },
      );
      const byResource = new Map<
        string,
        Map<string, Array<{ at: string; value: number | null }>>
      >();
      for (const result of results) {
        if (!result.resourceId) continue;
        const byMetric = new Map<
          string,
          Array<{ at: string; value: number | null }>
        >();
        for (const spec of query.metrics) {
          // The SDK names a metric by its localized name ("Response Time"); the id ends in the real one.
          const metric = result.metrics.find(
            m =>
              m.id
                ?.toLowerCase()
                .endsWith(`/metrics/${spec.metric.toLowerCase()}`) ||
              m.name.toLowerCase() === spec.metric.toLowerCase(),
          );
          const field = AGGREGATION_FIELD[spec.aggregation];
          byMetric.set(
            spec.metric,
            (metric?.timeseries?.[0]?.data ?? []).map(point => ({
              at: new Date(point.timeStamp).toISOString(),
              value: typeof point[field] === 'number' ? point[field]! : null,
            })),
          );
        }
        byResource.set(result.resourceId.toLowerCase(), byMetric);
      }
      return byResource;
    } catch (error) {
      throw toStackReadError('metrics', `${query.namespace} metrics`, error);
    }
  }
}
