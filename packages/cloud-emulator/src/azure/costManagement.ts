import { randomUUID } from 'node:crypto';
import { Request, Response, Router } from 'express';
import { EmulatorContext } from '../context';
import { CURRENCY } from '../world/constants';
import {
  costsBetween,
  endOfMonthUtc,
  isoDay,
  startOfMonthUtc,
} from '../world/costs';
import { round } from '../world/random';
import { DailyCost } from '../world/state';
import { checkApiVersion, sendArmError } from './armHttp';
import { checkSubscription, subscriptionOfScope } from './subscription';

/** 2022-10-01 is the default of @azure/arm-costmanagement 1.0.0-beta.2. */
export const COST_MANAGEMENT_API_VERSIONS = [
  '2019-11-01',
  '2021-10-01',
  '2022-10-01',
  '2023-03-01',
  '2023-08-01',
  '2023-11-01',
  '2024-08-01',
  '2025-03-01',
] as const;

const DAY = 86_400_000;

const DIMENSIONS: Record<string, (c: DailyCost) => string> = {
  servicename: c => c.serviceName,
  metercategory: c => c.meterCategory,
  resourceid: c => c.resourceId.toLowerCase(),
  resourcetype: c => c.resourceType,
  resourcegroup: c => c.resourceGroup,
  resourcegroupname: c => c.resourceGroup,
  resourcelocation: () => 'westeurope',
};

const DIMENSION_NAMES: Record<string, string> = {
  servicename: 'ServiceName',
  metercategory: 'MeterCategory',
  resourceid: 'ResourceId',
  resourcetype: 'ResourceType',
  resourcegroup: 'ResourceGroup',
  resourcegroupname: 'ResourceGroupName',
  resourcelocation: 'ResourceLocation',
};

const COST_COLUMNS = ['cost', 'pretaxcost', 'costusd', 'pretaxcostusd'];

class QueryError extends Error {}

interface FilterNode {
  and?: FilterNode[];
  or?: FilterNode[];
  not?: FilterNode;
  dimensions?: { name: string; operator: string; values: string[] };
  tags?: { name: string; operator: string; values: string[] };
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The comparison operators of QueryComparisonExpression. */
const OPERATORS = ['in', 'contains'];

function comparison(
  kind: 'dimensions' | 'tags',
  expr: { name: string; operator: string; values: string[] },
  read: (c: DailyCost) => string | undefined,
): (c: DailyCost) => boolean {
  const operator = String(expr.operator ?? '').toLowerCase();
  if (!OPERATORS.includes(operator)) {
    throw new QueryError(
      `Invalid operator '${String(
        expr.operator,
      )}' in ${kind} filter. Allowed values: In, Contains.`,
    );
  }
  if (!Array.isArray(expr.values) || expr.values.length === 0) {
    throw new QueryError(`The ${kind} filter on '${expr.name}' needs values.`);
  }
  const values = expr.values.map(v => String(v).toLowerCase());
  return c => {
    const actual = read(c)?.toLowerCase();
    if (actual === undefined) return false;
    return operator === 'in'
      ? values.includes(actual)
      : values.some(v => actual.includes(v));
  };
}

/**
 * QueryFilter: `and` / `or` (at least two expressions), `not` (documented up
 * to 2019-11-01; the SDKs of later versions cannot send it), `dimensions`
 * and `tags` comparisons.
 */
function compileFilter(node: unknown): (c: DailyCost) => boolean {
  if (node === undefined || node === null) return () => true;
  if (!isObject(node)) throw new QueryError('Invalid filter expression.');
  const f = node as FilterNode;
  for (const key of ['and', 'or'] as const) {
    const list = f[key];
    if (list === undefined) continue;
    if (!Array.isArray(list) || list.length < 2) {
      throw new QueryError(
        `The '${key}' filter expression must have at least 2 items.`,
      );
    }
    const parts = list.map(compileFilter);
    return key === 'and'
      ? c => parts.every(p => p(c))
      : c => parts.some(p => p(c));
  }
  if (f.not) {
    const inner = compileFilter(f.not);
    return c => !inner(c);
  }
  if (f.dimensions) {
    const field = DIMENSIONS[f.dimensions.name?.toLowerCase() ?? ''];
    if (!field)
      throw new QueryError(
        `Invalid dimension name '${f.dimensions.name}' in filter.`,
      );
    return comparison('dimensions', f.dimensions, field);
  }
  if (f.tags) {
    const tag = String(f.tags.name ?? '');
    return comparison('tags', f.tags, c => {
      const entry = Object.entries(c.tags ?? {}).find(
        ([k]) => k.toLowerCase() === tag.toLowerCase(),
      );
      return entry?.[1];
    });
  }
  throw new QueryError('Invalid filter expression.');
}

/** Inclusive day range [from, to] of a query timeframe. */
function timeRange(body: Json, now: Date): { from: string; to: string } {
  const timeframe = String(body.timeframe ?? '');
  const today = isoDay(now);
  switch (timeframe.toLowerCase()) {
    case 'monthtodate':
    case 'billingmonthtodate':
      return { from: isoDay(startOfMonthUtc(now)), to: today };
    case 'thelastmonth':
    case 'thelastbillingmonth': {
      const lastMonth = new Date(startOfMonthUtc(now).getTime() - DAY);
      return {
        from: isoDay(startOfMonthUtc(lastMonth)),
        to: isoDay(endOfMonthUtc(lastMonth)),
      };
    }
    case 'weektodate': {
      const dow = (now.getUTCDay() + 6) % 7;
      return { from: isoDay(new Date(now.getTime() - dow * DAY)), to: today };
    }
    case 'custom': {
      const period = isObject(body.timePeriod) ? body.timePeriod : undefined;
      const from = Date.parse(String(period?.from ?? ''));
      const to = Date.parse(String(period?.to ?? ''));
      if (Number.isNaN(from) || Number.isNaN(to)) {
        throw new QueryError(
          "timePeriod with 'from' and 'to' is required when timeframe is Custom.",
        );
      }
      return { from: isoDay(new Date(from)), to: isoDay(new Date(to)) };
    }
    default:
      throw new QueryError(`Invalid timeframe '${timeframe}'.`);
  }
}

function parseAggregation(dataset: Json): Array<{ column: string }> {
  if (!isObject(dataset.aggregation)) return [];
  return Object.values(dataset.aggregation).map(agg => {
    const a = isObject(agg) ? agg : {};
    const name = String(a.name ?? '');
    if (!COST_COLUMNS.includes(name.toLowerCase())) {
      throw new QueryError(`Invalid aggregation column '${name}'.`);
    }
    if (String(a.function ?? '').toLowerCase() !== 'sum') {
      throw new QueryError(
        `Invalid aggregation function '${String(
          a.function,
        )}'. Only Sum is supported.`,
      );
    }
    return { column: name };
  });
}

function scopePredicate(scope: string): (c: DailyCost) => boolean {
  const rg = /\/resourceGroups\/([^/]+)/i.exec(scope)?.[1];
  return rg
    ? c => c.resourceGroup.toLowerCase() === rg.toLowerCase()
    : () => true;
}

function queryEnvelope(
  scope: string,
  columns: Array<{ name: string; type: string }>,
  rows: unknown[][],
) {
  const id = randomUUID();
  return {
    id: `${scope.replace(
      /^\//,
      '',
    )}/providers/Microsoft.CostManagement/query/${id}`,
    name: id,
    type: 'Microsoft.CostManagement/query',
    location: null,
    sku: null,
    eTag: null,
    properties: { nextLink: null, columns, rows },
  };
}

function runQuery(ctx: EmulatorContext, scope: string, body: Json) {
  const type = String(body.type ?? '');
  if (!['usage', 'actualcost', 'amortizedcost'].includes(type.toLowerCase())) {
    throw new QueryError(
      `Invalid query type '${type}'. Allowed values: Usage, ActualCost, AmortizedCost.`,
    );
  }
  if (!isObject(body.dataset)) throw new QueryError('dataset is required.');
  const dataset = body.dataset;
  const { from, to } = timeRange(body, ctx.now());
  const granularity = String(dataset.granularity ?? 'None').toLowerCase();
  if (!['none', 'daily', 'monthly'].includes(granularity)) {
    throw new QueryError(
      `Invalid granularity '${String(dataset.granularity)}'.`,
    );
  }
  const aggregations = parseAggregation(dataset);
  const grouping = (
    Array.isArray(dataset.grouping) ? dataset.grouping : []
  ).map(g => {
    const name = isObject(g) ? String(g.name ?? '') : '';
    const key = name.toLowerCase();
    if (!DIMENSION_NAMES[key])
      throw new QueryError(`Invalid grouping dimension '${name}'.`);
    return { key, column: DIMENSION_NAMES[key] };
  });
  if (grouping.length > 2)
    throw new QueryError('At most 2 grouping clauses are supported.');
  const filter = compileFilter(dataset.filter);

  const costs = costsBetween(
    ctx.state,
    from,
    to,
    c => scopePredicate(scope)(c) && filter(c),
  );
  const buckets = new Map<
    string,
    { time?: number | string; groups: string[]; cost: number }
  >();
  for (const c of costs) {
    let time: number | string | undefined;
    if (granularity === 'daily') time = Number(c.date.replace(/-/g, ''));
    if (granularity === 'monthly') time = `${c.date.slice(0, 7)}-01T00:00:00`;
    const groups = grouping.map(g => DIMENSIONS[g.key](c));
    const key = JSON.stringify([time, groups]);
    const bucket = buckets.get(key) ?? { time, groups, cost: 0 };
    bucket.cost += c.cost;
    buckets.set(key, bucket);
  }

  const columns = [
    ...aggregations.map(a => ({ name: a.column, type: 'Number' })),
    ...(granularity === 'daily' ? [{ name: 'UsageDate', type: 'Number' }] : []),
    ...(granularity === 'monthly'
      ? [{ name: 'BillingMonth', type: 'Datetime' }]
      : []),
    ...grouping.map(g => ({ name: g.column, type: 'String' })),
    { name: 'Currency', type: 'String' },
  ];
  const rows = [...buckets.values()]
    .sort(
      (a, b) =>
        String(a.time ?? '').localeCompare(String(b.time ?? '')) ||
        a.groups.join().localeCompare(b.groups.join()),
    )
    .map(b => [
      ...aggregations.map(() => round(b.cost, 6)),
      ...(b.time !== undefined ? [b.time] : []),
      ...b.groups,
      CURRENCY,
    ]);
  return queryEnvelope(scope, columns, rows);
}

function runForecast(ctx: EmulatorContext, scope: string, body: Json) {
  if (!isObject(body.dataset)) throw new QueryError('dataset is required.');
  const now = ctx.now();
  const { from, to } = timeRange(body, now);
  const aggregations = parseAggregation(body.dataset);
  const column = aggregations[0]?.column ?? 'Cost';
  const includeActual = body.includeActualCost === true;
  const inScope = scopePredicate(scope);
  const today = isoDay(now);
  const weekAgo = isoDay(new Date(now.getTime() - 7 * DAY));
  const lastWeek = costsBetween(
    ctx.state,
    weekAgo,
    today,
    c => inScope(c) && c.date < today,
  );
  const rate = lastWeek.reduce((s, c) => s + c.cost, 0) / 7;
  const rows: unknown[][] = [];
  for (let t = Date.parse(from); isoDay(new Date(t)) <= to; t += DAY) {
    const day = isoDay(new Date(t));
    const usageDate = Number(day.replace(/-/g, ''));
    if (day < today) {
      if (includeActual) {
        const actual = costsBetween(ctx.state, day, day, inScope).reduce(
          (s, c) => s + c.cost,
          0,
        );
        rows.push([round(actual, 6), usageDate, 'Actual', CURRENCY]);
      }
    } else {
      rows.push([round(rate, 6), usageDate, 'Forecast', CURRENCY]);
    }
  }
  return queryEnvelope(
    scope,
    [
      { name: column, type: 'Number' },
      { name: 'UsageDate', type: 'Number' },
      { name: 'CostStatus', type: 'String' },
      { name: 'Currency', type: 'String' },
    ],
    rows,
  );
}

export function costManagementRouter(ctx: EmulatorContext): Router {
  const router = Router();
  const handle =
    (kind: 'query' | 'forecast') => (req: Request, res: Response) => {
      const scope = req.params[0];
      const sub = subscriptionOfScope(scope);
      if (!sub) {
        sendArmError(
          res,
          400,
          'BadRequest',
          `Scope '${scope}' is not supported by the emulator; use a subscription or resource group scope.`,
        );
        return;
      }
      if (!checkSubscription(res, sub)) return;
      if (!checkApiVersion(req, res, COST_MANAGEMENT_API_VERSIONS, kind))
        return;
      const body: unknown = req.body;
      try {
        if (!isObject(body))
          throw new QueryError('The request body is required.');
        res.json(
          kind === 'query'
            ? runQuery(ctx, scope, body)
            : runForecast(ctx, scope, body),
        );
      } catch (err) {
        if (err instanceof QueryError) {
          sendArmError(res, 400, 'BadRequest', err.message);
          return;
        }
        throw err;
      }
    };
  router.post(
    /^(.*)\/providers\/Microsoft\.CostManagement\/query\/?$/i,
    handle('query'),
  );
  router.post(
    /^(.*)\/providers\/Microsoft\.CostManagement\/forecast\/?$/i,
    handle('forecast'),
  );
  return router;
}
