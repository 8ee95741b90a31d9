import { MetricsClient } from '@azure/monitor-query-metrics';
import {
  emulatorCredential,
  PLAN_ID,
  POSTGRES_ID,
  RunningEmulator,
  SITE_ID,
  startCloudEmulator,
  useEmulatorAuth,
} from './index';

const NOW = new Date('2025-06-16T10:00:00Z');

describe('Monitor metrics through @azure/monitor-query-metrics (metrics:getBatch)', () => {
  let emulator: RunningEmulator;
  let client: MetricsClient;

  beforeAll(async () => {
    emulator = await startCloudEmulator({
      now: () => NOW,
      scenarioDelays: { resolveAfterMs: 60_000 },
    });
    client = useEmulatorAuth(
      new MetricsClient(emulator.url, emulatorCredential, {
        allowInsecureConnection: true,
        retryOptions: { maxRetries: 0 },
      }),
    );
  });
  afterAll(() => emulator.close());

  const lastHour = {
    startTime: new Date(NOW.getTime() - 3_600_000),
    endTime: NOW,
  };

  it('returns CpuPercentage of the plan per 5 minutes', async () => {
    const [result] = await client.queryResources(
      [PLAN_ID],
      ['CpuPercentage'],
      'Microsoft.Web/serverfarms',
      {
        ...lastHour,
        interval: 'PT5M',
        aggregation: 'average,maximum',
      },
    );
    expect(result.resourceId).toBe(PLAN_ID);
    expect(result.granularity).toBe('PT5M');
    // The SDK names metrics by their localizedValue ("CPU Percentage"), as it does against Azure.
    const metric = result.getMetricByName('CPU Percentage')!;
    expect(metric.id).toBe(
      `${PLAN_ID}/providers/Microsoft.Insights/metrics/CpuPercentage`,
    );
    expect(metric.unit).toBe('Percent');
    const data = metric.timeseries[0].data!;
    expect(data).toHaveLength(12);
    expect(data[0].timeStamp).toEqual(lastHour.startTime);
    for (const point of data) {
      expect(point.average).toBeGreaterThan(5);
      expect(point.average).toBeLessThan(40);
      expect(point.maximum).toBeGreaterThanOrEqual(point.average!);
    }
  });

  it('returns several site metrics and postgres connection failures', async () => {
    const [site] = await client.queryResources(
      [SITE_ID],
      ['HttpResponseTime', 'Http5xx'],
      'Microsoft.Web/sites',
      {
        ...lastHour,
        interval: 'PT15M',
      },
    );
    expect(site.metrics.map(m => m.name)).toEqual([
      'Response Time',
      'Http Server Errors',
    ]);
    expect(site.metrics[0].timeseries[0].data![0].average).toBeLessThan(1);
    expect(typeof site.metrics[1].timeseries[0].data![0].total).toBe('number');

    const [db] = await client.queryResources(
      [POSTGRES_ID],
      ['connections_failed'],
      'Microsoft.DBforPostgreSQL/flexibleServers',
      {
        ...lastHour,
        interval: 'PT1H',
        aggregation: 'total',
      },
    );
    expect(db.metrics[0].timeseries[0].data).toHaveLength(1);
  });

  it('shows the incident in the metric while a scenario alert fires', async () => {
    await emulator.runScenario('high-response-time');
    const [site] = await client.queryResources(
      [SITE_ID],
      ['HttpResponseTime'],
      'Microsoft.Web/sites',
      {
        startTime: new Date(NOW.getTime() - 30 * 60_000),
        endTime: new Date(NOW.getTime() + 5 * 60_000),
        interval: 'PT5M',
      },
    );
    const data = site.metrics[0].timeseries[0].data!;
    expect(data[0].average).toBeLessThan(1);
    expect(data.at(-1)!.average).toBeGreaterThan(2);
  });

  it('rejects unknown metrics like Azure Monitor', async () => {
    await expect(
      client.queryResources(
        [SITE_ID],
        ['NoSuchMetric'],
        'Microsoft.Web/sites',
        lastHour,
      ),
    ).rejects.toMatchObject({
      statusCode: 400,
      message: expect.stringContaining('Failed to find metric configuration'),
    });
  });
});
