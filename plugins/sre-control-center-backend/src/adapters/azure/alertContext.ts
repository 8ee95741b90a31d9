import type { AlertCondition } from '@sre-control-center/plugin-sre-control-center-common';
import { z } from 'zod';

/**
 * Reads the `alertContext` of a common-alert-schema payload, whose shape
 * depends on `essentials.monitoringService`, into the condition shown in an
 * alert's detail view. Everything here is lenient: Azure adds and renames
 * context fields over time, and a context we cannot read only costs the
 * summary, never the alert.
 * https://learn.microsoft.com/azure/azure-monitor/alerts/alerts-common-schema
 * https://learn.microsoft.com/azure/azure-monitor/alerts/alerts-payload-samples
 */

/** Azure writes thresholds as strings ("25") and values as numbers (31.1). */
const numeric = z
  .union([z.number(), z.string()])
  .nullish()
  .transform(v => {
    if (v === null || v === undefined || v === '') return undefined;
    const n = typeof v === 'number' ? v : Number(v);
    return Number.isFinite(n) ? n : undefined;
  });
// `.optional()` before the transform keeps a missing key valid.
const text = z
  .unknown()
  .optional()
  .transform(v => (typeof v === 'string' && v.trim() ? v : undefined));
const dimensions = z
  .array(z.looseObject({ name: z.unknown(), value: z.unknown() }))
  .nullish()
  .transform(list =>
    (list ?? []).flatMap(d =>
      d.name === null || d.name === undefined
        ? []
        : [{ name: String(d.name), value: String(d.value ?? '') }],
    ),
  );

/** One criterion of a metric rule (static, dynamic, availability) or of a V2 log rule. */
const criterion = z.looseObject({
  metricName: text,
  metricNamespace: text,
  operator: text,
  threshold: numeric,
  metricValue: numeric,
  timeAggregation: text,
  dimensions,
  alertSensitivity: text,
  webTestName: text,
  searchQuery: text,
  metricMeasureColumn: text,
  linkToFilteredSearchResultsUI: text,
  linkToSearchResultsUI: text,
});
type Criterion = z.infer<typeof criterion>;

/** Metric alerts and log search alerts V2 (`conditionType` + `condition.allOf`). */
const criteriaContext = z.looseObject({
  conditionType: text,
  condition: z.looseObject({
    windowSize: text,
    allOf: z.array(criterion).min(1),
  }),
});

/** Log search alerts V1 (Log Analytics, Application Insights). */
const logV1Context = z.looseObject({
  SearchQuery: z.string(),
  Operator: text,
  Threshold: numeric,
  ResultCount: numeric,
  AlertType: text,
  Dimensions: dimensions,
  LinkToFilteredSearchResultsUI: text,
  LinkToSearchResults: text,
});

/** Activity log alerts, Service Health and Resource Health. */
const activityContext = z.looseObject({
  operationName: text,
  status: text,
  caller: text,
  properties: z.record(z.string(), z.unknown()).nullish(),
});

/** Smart detection (Application Insights). */
const smartDetectorContext = z.looseObject({
  SmartDetectorName: text,
  DetectionSummary: text,
  DetectedValue: text,
  NormalValue: text,
});

/** Azure Monitor managed Prometheus rules. */
const prometheusContext = z.looseObject({
  expression: z.string(),
  expressionValue: numeric,
  annotations: z.record(z.string(), z.unknown()).nullish(),
});

/** Drops undefined fields and empty lists, so the stored JSON stays small. */
function compact(condition: AlertCondition): AlertCondition {
  return Object.fromEntries(
    Object.entries(condition).filter(
      ([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0),
    ),
  ) as AlertCondition;
}

function describeCriterion(c: Criterion): string {
  const what =
    [c.timeAggregation, c.metricName ?? c.metricMeasureColumn]
      .filter(Boolean)
      .join(' ') || 'query result';
  // Simple log alerts fire on any result: no operator, no threshold.
  if (c.operator === undefined) return `${what}: ${c.metricValue ?? '?'}`;
  const rule = [what, c.operator, c.threshold]
    .filter(v => v !== undefined)
    .join(' ');
  return c.metricValue === undefined
    ? rule
    : `${rule} (observed ${c.metricValue})`;
}

function fromCriteria(
  source: string,
  context: z.infer<typeof criteriaContext>,
): AlertCondition {
  const { allOf, windowSize } = context.condition;
  const [first] = allOf;
  let kind: string | undefined;
  if (context.conditionType === 'DynamicThresholdCriteria') {
    const sensitivity = first.alertSensitivity?.toLocaleLowerCase('en-US');
    kind = sensitivity
      ? `dynamic threshold, ${sensitivity} sensitivity`
      : 'dynamic threshold';
  } else if (first.webTestName) {
    kind = `availability test ${first.webTestName}`;
  }
  let summary = allOf.map(describeCriterion).join('; ');
  if (windowSize) summary += ` over ${windowSize}`;
  if (kind) summary += `; ${kind}`;
  return compact({
    source,
    metric: first.metricName ?? first.metricMeasureColumn,
    operator: first.operator,
    threshold: first.threshold,
    observed: first.metricValue,
    query: first.searchQuery,
    text: summary,
    dimensions: first.dimensions,
    link: first.linkToFilteredSearchResultsUI ?? first.linkToSearchResultsUI,
  });
}

function fromLogV1(
  source: string,
  context: z.infer<typeof logV1Context>,
): AlertCondition {
  const rule = [context.Operator, context.Threshold]
    .filter(v => v !== undefined)
    .join(' ');
  return compact({
    source,
    operator: context.Operator,
    threshold: context.Threshold,
    observed: context.ResultCount,
    query: context.SearchQuery,
    text: `${context.AlertType ?? 'Log search'}: ${
      context.ResultCount ?? '?'
    } results${rule ? `, alert when ${rule}` : ''}`,
    dimensions: context.Dimensions,
    link: context.LinkToFilteredSearchResultsUI ?? context.LinkToSearchResults,
  });
}

const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);

/** Policy events carry their policies as a JSON string: assignment and effect. */
function policyOf(policies: unknown): string[] {
  try {
    const list: unknown =
      typeof policies === 'string' ? JSON.parse(policies) : policies;
    if (!Array.isArray(list) || !list[0] || typeof list[0] !== 'object') {
      return [];
    }
    const first = list[0] as Record<string, unknown>;
    return [
      str(first.policyAssignmentName) && `policy ${first.policyAssignmentName}`,
      str(first.policyDefinitionEffect),
    ].filter((v): v is string => Boolean(v));
  } catch {
    return [];
  }
}

function fromActivity(
  source: string,
  context: z.infer<typeof activityContext>,
): AlertCondition {
  const p = context.properties ?? {};
  let summary: string | undefined;
  if (str(p.currentHealthStatus)) {
    // Resource Health
    summary = `${str(p.title) ?? 'Health event'}: ${
      str(p.previousHealthStatus) ?? '?'
    } → ${p.currentHealthStatus}${p.cause ? ` (${p.cause})` : ''}`;
  } else if (str(p.incidentType)) {
    // Service Health
    summary = `${str(p.title) ?? 'Service issue'} (${[
      p.incidentType,
      str(p.stage),
      str(p.service),
      str(p.region),
    ]
      .filter(Boolean)
      .join(', ')})`;
  } else {
    // Administrative, Policy, Autoscale, Security
    summary = (
      str(p.description) ??
      str(p.title) ??
      context.operationName ??
      'Activity log event'
    ).replace(/\.$/, '');
    const about = [
      ...policyOf(p.policies),
      str(p.category),
      str(p.threatStatus),
    ].filter(Boolean);
    if (about.length) summary += ` (${about.join(', ')})`;
    if (context.status) summary += `: ${context.status}`;
    if (context.caller) summary += ` by ${context.caller}`;
  }
  return compact({ source, metric: context.operationName, text: summary });
}

function fromSmartDetector(
  source: string,
  context: z.infer<typeof smartDetectorContext>,
): AlertCondition {
  const values = [
    context.DetectedValue && `detected ${context.DetectedValue}`,
    context.NormalValue && `normal ${context.NormalValue}`,
  ].filter(Boolean);
  return compact({
    source,
    metric: context.SmartDetectorName,
    text: [context.DetectionSummary, values.join(', ')]
      .filter(Boolean)
      .join(': '),
  });
}

function fromPrometheus(
  source: string,
  context: z.infer<typeof prometheusContext>,
): AlertCondition {
  return compact({
    source,
    query: context.expression,
    observed: context.expressionValue,
    text: str(context.annotations?.summary) ?? context.expression,
  });
}

/** Readers tried in order; the first whose shape matches describes the alert. */
const readers: Array<
  (source: string, context: unknown) => AlertCondition | undefined
> = [
  (source, context) => {
    const r = criteriaContext.safeParse(context);
    return r.success ? fromCriteria(source, r.data) : undefined;
  },
  (source, context) => {
    const r = logV1Context.safeParse(context);
    return r.success ? fromLogV1(source, r.data) : undefined;
  },
  (source, context) => {
    const r = smartDetectorContext.safeParse(context);
    return r.success && r.data.SmartDetectorName
      ? fromSmartDetector(source, r.data)
      : undefined;
  },
  (source, context) => {
    const r = prometheusContext.safeParse(context);
    return r.success ? fromPrometheus(source, r.data) : undefined;
  },
  (source, context) => {
    const r = activityContext.safeParse(context);
    return r.success && r.data.operationName
      ? fromActivity(source, r.data)
      : undefined;
  },
];

/**
 * The condition an alert context describes, or only its source when the
 * context is of a shape we do not know (a new monitoring service).
 */
export function describeAlertContext(
  monitoringService: string | undefined,
  alertContext: unknown,
): AlertCondition | undefined {
  const source = monitoringService ?? 'Azure Monitor';
  if (alertContext && typeof alertContext === 'object') {
    for (const read of readers) {
      const condition = read(source, alertContext);
      if (condition) return condition;
    }
  }
  return monitoringService ? { source } : undefined;
}
