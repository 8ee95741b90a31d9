import { Request, Response, Router } from 'express';
import { EmulatorContext } from '../context';
import {
  LOCATION,
  PLAN_ID,
  POSTGRES_ID,
  SITE_ID,
  STORAGE_ID,
} from '../world/constants';
import { noise, round } from '../world/random';
import { checkApiVersion, sendArmError } from './armHttp';
import { checkSubscription } from './subscription';

/** metrics:getBatch versions (data-plane, regional or via ARM). */
export const METRICS_BATCH_API_VERSIONS = [
  '2023-05-01-preview',
  '2023-10-01',
  '2024-02-01',
] as const;
/** Versions of the per-resource `providers/microsoft.insights/metrics` route. */
export const METRICS_API_VERSIONS = [
  '2018-01-01',
  '2019-07-01',
  '2021-05-01',
  '2023-10-01',
  '2024-02-01',
] as const;

type Aggregation = 'average' | 'minimum' | 'maximum' | 'total' | 'count';
const AGGREGATIONS: Aggregation[] = [
  'average',
  'minimum',
  'maximum',
  'total',
  'count',
];

interface MetricDefinition {
  name: string;
  displayName: string;
  description: string;
  unit: 'Percent' | 'Seconds' | 'Count' | 'Bytes';
  primaryAggregation: Aggregation;
  /** Gauges are averaged per interval, counters are summed. */
  kind: 'gauge' | 'counter';
  /** Typical value of a gauge, or count per minute of a counter. */
  baseline: number;
  spread: number;
}

const gauge = (
  name: string,
  displayName: string,
  description: string,
  unit: MetricDefinition['unit'],
  baseline: number,
  spread: number,
): MetricDefinition => ({
  name,
  displayName,
  description,
  unit,
  primaryAggregation: 'average',
  kind: 'gauge',
  baseline,
  spread,
});
const counter = (
  name: string,
  displayName: string,
  description: string,
  baseline: number,
  spread: number,
): MetricDefinition => ({
  name,
  displayName,
  description,
  unit: 'Count',
  primaryAggregation: 'total',
  kind: 'counter',
  baseline,
  spread,
});

/** Metric catalog per resource type, namespaces as Azure Monitor names them. */
const CATALOG: Record<
  string,
  { namespace: string; metrics: MetricDefinition[] }
> = {
  'microsoft.web/sites': {
    namespace: 'Microsoft.Web/sites',
    metrics: [
      gauge(
        'HttpResponseTime',
        'Response Time',
        'The time taken for the app to serve requests, in seconds.',
        'Seconds',
        0.35,
        0.12,
      ),
      counter(
        'Http5xx',
        'Http Server Errors',
        'The count of requests resulting in an HTTP status code >= 500 but < 600.',
        0.02,
        0.04,
      ),
      counter(
        'Requests',
        'Requests',
        'The total number of requests regardless of their resulting HTTP status code.',
        40,
        15,
      ),
      counter(
        'Http2xx',
        'Http 2xx',
        'The count of requests resulting in an HTTP status code >= 200 but < 300.',
        38,
        14,
      ),
    ],
  },
  'microsoft.web/serverfarms': {
    namespace: 'Microsoft.Web/serverfarms',
    metrics: [
      gauge(
        'CpuPercentage',
        'CPU Percentage',
        'The average CPU used across all instances of the plan.',
        'Percent',
        22,
        8,
      ),
      gauge(
        'MemoryPercentage',
        'Memory Percentage',
        'The average memory used across all instances of the plan.',
        'Percent',
        58,
        5,
      ),
    ],
  },
  'microsoft.dbforpostgresql/flexibleservers': {
    namespace: 'Microsoft.DBforPostgreSQL/flexibleServers',
    metrics: [
      counter(
        'connections_failed',
        'Failed Connections',
        'Failed Connections',
        0.01,
        0.02,
      ),
      counter(
        'connections_succeeded',
        'Succeeded Connections',
        'Succeeded Connections',
        6,
        3,
      ),
      gauge(
        'active_connections',
        'Active Connections',
        'Active Connections',
        'Count',
        12,
        3,
      ),
      gauge('cpu_percent', 'CPU percent', 'CPU percent', 'Percent', 15, 5),
    ],
  },
  'microsoft.storage/storageaccounts': {
    namespace: 'Microsoft.Storage/storageAccounts',
    metrics: [
      gauge(
        'Availability',
        'Availability',
        'The percentage of availability for the storage service or the specified API operation.',
        'Percent',
        99.995,
        0.004,
      ),
      counter(
        'Transactions',
        'Transactions',
        'The number of requests made to a storage service or the specified API operation.',
        30,
        10,
      ),
    ],
  },
};

/** Resource type (`provider/type`) of an ARM resource id, lower-cased. */
function resourceTypeOf(resourceId: string): string | undefined {
  const m = /\/providers\/([^/]+)\/([^/]+)\/[^/]+$/i.exec(resourceId);
  return m ? `${m[1]}/${m[2]}`.toLowerCase() : undefined;
}

const KNOWN_RESOURCES = [SITE_ID, PLAN_ID, POSTGRES_ID, STORAGE_ID].map(id =>
  id.toLowerCase(),
);

/** ISO-8601 duration (PT1M, PT5M, PT1H, P1D...) in ms; undefined when invalid. */
export function parseDuration(value: string): number | undefined {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/i.exec(
    value,
  );
  if (!m || value.toUpperCase() === 'P' || value.toUpperCase() === 'PT')
    return undefined;
  const [d, h, min, s] = m.slice(1).map(v => Number(v ?? 0));
  const ms = ((d * 24 + h) * 60 + min) * 60_000 + s * 1000;
  return ms > 0 ? ms : undefined;
}

interface MetricQuery {
  resourceId: string;
  metricNames: string[];
  namespace?: string;
  start: Date;
  end: Date;
  interval: string;
  aggregations?: Aggregation[];
}

class MetricQueryError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

function overrideAt(
  ctx: EmulatorContext,
  resourceId: string,
  metric: string,
  t: number,
): number | undefined {
  const hit = ctx.state.metricOverrides.find(
    o =>
      o.resourceId.toLowerCase() === resourceId.toLowerCase() &&
      o.metricName.toLowerCase() === metric.toLowerCase() &&
      Date.parse(o.from) <= t &&
      (o.to === undefined || t < Date.parse(o.to)),
  );
  return hit?.value;
}

function dataPoint(
  ctx: EmulatorContext,
  resourceId: string,
  def: MetricDefinition,
  from: number,
  widthMs: number,
  aggregations: Aggregation[],
) {
  const minutes = Math.max(1, Math.round(widthMs / 60_000));
  const samples: number[] = [];
  // Sample per minute (at most 60 samples) so min/max differ from the average.
  const step = Math.max(1, Math.ceil(minutes / 60));
  for (let m = 0; m < minutes; m += step) {
    const t = from + m * 60_000;
    const override = overrideAt(ctx, resourceId, def.name, t);
    const jitter =
      (noise(`${resourceId}${def.name}${t}`) - 0.5) * 2 * def.spread;
    let v: number;
    if (override !== undefined) {
      // Counter overrides are given per 5-minute alert window.
      v = def.kind === 'counter' ? override / 5 : override;
      v *= 1 + jitter / Math.max(def.baseline * 4, 1);
    } else {
      v = def.baseline + jitter;
    }
    if (def.unit === 'Percent') v = Math.min(100, v);
    samples.push(Math.max(0, v));
  }
  const timeStamp = new Date(from).toISOString();
  const avg = samples.reduce((a, b) => a + b, 0) / samples.length;
  const point: Record<string, string | number> = { timeStamp };
  for (const agg of aggregations) {
    if (agg === 'average') point.average = round(avg, 4);
    if (agg === 'minimum') point.minimum = round(Math.min(...samples), 4);
    if (agg === 'maximum') point.maximum = round(Math.max(...samples), 4);
    if (agg === 'count') point.count = minutes;
    if (agg === 'total') {
      point.total =
        def.kind === 'counter'
          ? Math.round(avg * minutes)
          : round(avg * minutes, 4);
    }
  }
  return point;
}

function runMetricQuery(ctx: EmulatorContext, q: MetricQuery) {
  const type = resourceTypeOf(q.resourceId);
  const entry = type ? CATALOG[type] : undefined;
  if (!entry || !KNOWN_RESOURCES.includes(q.resourceId.toLowerCase())) {
    throw new MetricQueryError(
      404,
      'ResourceNotFound',
      `The Resource '${q.resourceId}' was not found.`,
    );
  }
  if (
    q.namespace &&
    q.namespace.toLowerCase() !== entry.namespace.toLowerCase()
  ) {
    throw new MetricQueryError(
      400,
      'BadRequest',
      `Metric namespace '${q.namespace}' is not valid for resource '${q.resourceId}'. Valid namespace: ${entry.namespace}`,
    );
  }
  const defs = q.metricNames.map(name => {
    const def = entry.metrics.find(
      m => m.name.toLowerCase() === name.toLowerCase(),
    );
    if (!def) {
      const [provider, resource] = entry.namespace.split('/');
      throw new MetricQueryError(
        400,
        'BadRequest',
        `Failed to find metric configuration for provider: ${provider}, resource Type: ${resource}, metric: ${name}, Valid metrics: ${entry.metrics
          .map(m => m.name)
          .join(',')}`,
      );
    }
    return def;
  });
  const full = q.interval.toUpperCase() === 'FULL';
  const startMs = q.start.getTime();
  const endMs = q.end.getTime();
  const width = full ? endMs - startMs : parseDuration(q.interval);
  if (!width || endMs <= startMs) {
    throw new MetricQueryError(
      400,
      'BadRequest',
      `Invalid interval '${q.interval}' or timespan.`,
    );
  }
  if ((endMs - startMs) / width > 10_000) {
    throw new MetricQueryError(
      400,
      'BadRequest',
      'The query would return more than 10000 data points; use a larger interval.',
    );
  }
  const alignedStart = full ? startMs : Math.floor(startMs / width) * width;
  const metrics = defs.map(def => {
    const aggregations = q.aggregations ?? [def.primaryAggregation];
    const data = [];
    for (let t = alignedStart; t < endMs; t += width) {
      data.push(dataPoint(ctx, q.resourceId, def, t, width, aggregations));
    }
    return {
      id: `${q.resourceId}/providers/Microsoft.Insights/metrics/${def.name}`,
      type: 'Microsoft.Insights/metrics',
      name: { value: def.name, localizedValue: def.displayName },
      displayDescription: def.description,
      unit: def.unit,
      timeseries: [{ metadatavalues: [], data }],
      errorCode: 'Success',
    };
  });
  return {
    namespace: entry.namespace,
    metrics,
    interval: full ? 'FULL' : q.interval.toUpperCase(),
  };
}

function parseAggregations(raw: string | undefined): Aggregation[] | undefined {
  if (!raw) return undefined;
  const list = raw.split(',').map(a => a.trim().toLowerCase());
  const mapped = list.map(a => (a === 'sum' ? 'total' : a));
  if (mapped.some(a => !AGGREGATIONS.includes(a as Aggregation))) {
    throw new MetricQueryError(
      400,
      'BadRequest',
      `Invalid aggregation '${raw}'. Valid values: ${AGGREGATIONS.join(', ')}`,
    );
  }
  return mapped as Aggregation[];
}

function str(req: Request, name: string): string | undefined {
  const entry = Object.entries(req.query).find(
    ([k]) => k.toLowerCase() === name,
  );
  return typeof entry?.[1] === 'string' && entry[1] !== ''
    ? entry[1]
    : undefined;
}

function handleError(res: Response, err: unknown) {
  if (err instanceof MetricQueryError) {
    sendArmError(res, err.status, err.code, err.message);
    return;
  }
  throw err;
}

export function metricsRouter(ctx: EmulatorContext): Router {
  const router = Router();

  // @azure/monitor-query-metrics MetricsClient.queryResources posts here.
  router.post(
    /^\/subscriptions\/([^/]+)\/metrics:getBatch\/?$/i,
    (req, res) => {
      if (!checkSubscription(res, req.params[0])) return;
      if (!checkApiVersion(req, res, METRICS_BATCH_API_VERSIONS, 'metrics'))
        return;
      try {
        const body: unknown = req.body;
        const ids =
          typeof body === 'object' &&
          body !== null &&
          'resourceids' in body &&
          Array.isArray(body.resourceids)
            ? body.resourceids.filter((i): i is string => typeof i === 'string')
            : [];
        const metricNames = str(req, 'metricnames')?.split(',');
        const denied = ids.find(id =>
          ctx.state.armDenied.some(scope =>
            `${id.toLowerCase()}/`.startsWith(`${scope}/`),
          ),
        );
        if (denied) {
          throw new MetricQueryError(
            403,
            'AuthorizationFailed',
            `The client does not have authorization to perform action 'Microsoft.Insights/metrics/read' over scope '${denied}' or the scope is invalid.`,
          );
        }
        if (ids.length === 0 || !metricNames) {
          throw new MetricQueryError(
            400,
            'BadRequest',
            'resourceids in the body and the metricnames query parameter are required.',
          );
        }
        const end = str(req, 'endtime')
          ? new Date(str(req, 'endtime')!)
          : ctx.now();
        const start = str(req, 'starttime')
          ? new Date(str(req, 'starttime')!)
          : new Date(end.getTime() - 3_600_000);
        const interval = str(req, 'interval') ?? 'PT1M';
        const aggregations = parseAggregations(str(req, 'aggregation'));
        const values = ids.map(resourceId => {
          const r = runMetricQuery(ctx, {
            resourceId,
            metricNames,
            namespace: str(req, 'metricnamespace'),
            start,
            end,
            interval,
            aggregations,
          });
          return {
            starttime: start.toISOString(),
            endtime: end.toISOString(),
            interval: r.interval,
            namespace: r.namespace,
            resourceregion: LOCATION,
            resourceid: resourceId,
            value: r.metrics,
          };
        });
        res.json({ values });
      } catch (err) {
        handleError(res, err);
      }
    },
  );

  // The classic per-resource metrics API (timespan=start/end).
  router.get(
    /^(\/subscriptions\/([^/]+)\/.+)\/providers\/microsoft\.insights\/metrics\/?$/i,
    (req, res) => {
      if (!checkSubscription(res, req.params[1])) return;
      if (!checkApiVersion(req, res, METRICS_API_VERSIONS, 'metrics')) return;
      try {
        const resourceId = req.params[0];
        const timespan = str(req, 'timespan');
        let start: Date;
        let end: Date;
        if (timespan) {
          const [a, b] = timespan.split('/');
          const dur = parseDuration(b ?? '') ?? parseDuration(a);
          if (
            b &&
            !Number.isNaN(Date.parse(a)) &&
            !Number.isNaN(Date.parse(b))
          ) {
            start = new Date(a);
            end = new Date(b);
          } else if (dur && !b) {
            end = ctx.now();
            start = new Date(end.getTime() - dur);
          } else if (dur && !Number.isNaN(Date.parse(a))) {
            start = new Date(a);
            end = new Date(start.getTime() + dur);
          } else {
            throw new MetricQueryError(
              400,
              'BadRequest',
              `Invalid timespan '${timespan}'.`,
            );
          }
        } else {
          end = ctx.now();
          start = new Date(end.getTime() - 3_600_000);
        }
        const type = resourceTypeOf(resourceId);
        const metricNames =
          str(req, 'metricnames')?.split(',') ??
          (type && CATALOG[type] ? [CATALOG[type].metrics[0].name] : []);
        const interval = str(req, 'interval') ?? 'PT1M';
        const r = runMetricQuery(ctx, {
          resourceId,
          metricNames,
          namespace: str(req, 'metricnamespace'),
          start,
          end,
          interval,
          aggregations: parseAggregations(str(req, 'aggregation')),
        });
        res.json({
          cost: 0,
          timespan: `${start.toISOString()}/${end.toISOString()}`,
          interval: r.interval,
          value: r.metrics,
          namespace: r.namespace,
          resourceregion: LOCATION,
        });
      } catch (err) {
        handleError(res, err);
      }
    },
  );

  return router;
}
