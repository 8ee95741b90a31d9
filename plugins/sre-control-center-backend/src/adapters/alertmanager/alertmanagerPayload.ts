import type {
  AlertCondition,
  AlertSeverity,
} from '@sre-control-center/plugin-sre-control-center-common';
import { z } from 'zod';
import { normalizeArmId } from '../../domain/alerts/resourceIds';
import { systemRef } from '../../domain/systemRef';
import type { AlertNotification } from '../../domain/alerts/types';
import { boundedName, FIELD_LIMITS, storableText } from '../webhook/fields';

/**
 * Prometheus Alertmanager's webhook payload (version 4), one delivery per
 * alert group. https://prometheus.io/docs/alerting/latest/configuration/#webhook_config
 */

/** Labels that carry what the portal needs; everything else is shown as is. */
export const LABEL_ENTITY_REF = 'backstage_entity_ref';
const RESOURCE_LABELS = ['azure_resource_id', 'resource_id'];

/**
 * Alertmanager has no severity of its own; rules set a `severity` label.
 * Mapped onto Azure's scale by Azure's own names for it (Sev0 Critical,
 * Sev1 Error, Sev2 Warning, Sev3 Informational, Sev4 Verbose). A missing or
 * unknown label is Sev3: a rule fired on purpose, but said nothing of urgency.
 */
const SEVERITY_BY_LABEL: Record<string, AlertSeverity> = {
  critical: 'Sev0',
  emergency: 'Sev0',
  fatal: 'Sev0',
  page: 'Sev0',
  error: 'Sev1',
  high: 'Sev1',
  major: 'Sev1',
  warning: 'Sev2',
  warn: 'Sev2',
  medium: 'Sev2',
  minor: 'Sev2',
  info: 'Sev3',
  informational: 'Sev3',
  notice: 'Sev3',
  low: 'Sev3',
  none: 'Sev4',
  debug: 'Sev4',
  verbose: 'Sev4',
};
const DEFAULT_SEVERITY: AlertSeverity = 'Sev3';

export function severityFromLabel(value: string | undefined): AlertSeverity {
  const key = value?.trim().toLocaleLowerCase('en-US') ?? '';
  const sev = key.match(/^(?:sev)?([0-4])$/);
  if (sev) return `Sev${sev[1]}` as AlertSeverity;
  return SEVERITY_BY_LABEL[key] ?? DEFAULT_SEVERITY;
}

const stringMap = z.record(z.string(), z.string());
const timestamp = z.iso.datetime({ offset: true });

const alertSchema = z
  .looseObject({
    status: z.enum(['firing', 'resolved']),
    labels: stringMap,
    annotations: stringMap.default({}),
    startsAt: timestamp,
    endsAt: timestamp.optional(),
    generatorURL: z.string().optional(),
    fingerprint: z
      .string()
      .max(64)
      .regex(/^[0-9A-Za-z]+$/, 'must be alphanumeric'),
  })
  .superRefine((alert, ctx) => {
    const ref = alert.labels[LABEL_ENTITY_REF];
    if (ref !== undefined && !systemRef(ref)) {
      ctx.addIssue({
        code: 'custom',
        path: ['labels', LABEL_ENTITY_REF],
        message: 'must name a System, system:namespace/name',
      });
    }
    const checks: Array<[string, number]> = [
      ['alertname', FIELD_LIMITS.ruleName],
      ...RESOURCE_LABELS.map((l): [string, number] => [
        l,
        FIELD_LIMITS.resourceId,
      ]),
    ];
    for (const [label, max] of checks) {
      const value = alert.labels[label];
      const result =
        value === undefined ? undefined : boundedName(max).safeParse(value);
      if (result && !result.success) {
        ctx.addIssue({
          code: 'custom',
          path: ['labels', label],
          message: result.error.issues[0].message,
        });
      }
    }
  });

const payloadSchema = z.looseObject({
  version: z.literal('4'),
  status: z.enum(['firing', 'resolved']),
  receiver: z.string(),
  groupKey: z.string(),
  alerts: z.array(alertSchema).min(1),
});

type AlertmanagerAlert = z.infer<typeof alertSchema>;

/** The PromQL expression Prometheus links to (`/graph?g0.expr=...`). */
function expressionOf(generatorURL: string | undefined): string | undefined {
  if (!generatorURL) return undefined;
  try {
    return new URL(generatorURL).searchParams.get('g0.expr') ?? undefined;
  } catch {
    return undefined;
  }
}

function conditionOf(alert: AlertmanagerAlert): AlertCondition {
  const condition: AlertCondition = {
    source: 'alertmanager',
    dimensions: Object.entries(alert.labels)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, value]) => ({ name, value })),
  };
  const query = expressionOf(alert.generatorURL);
  if (query) condition.query = query;
  const text = alert.annotations.summary ?? alert.annotations.description;
  if (text) condition.text = text;
  if (alert.generatorURL) condition.link = alert.generatorURL;
  return condition;
}

function notificationOf(alert: AlertmanagerAlert): AlertNotification {
  const { labels, annotations } = alert;
  const resource = RESOURCE_LABELS.map(l => labels[l]).find(Boolean);
  const ref = labels[LABEL_ENTITY_REF];
  const description = [annotations.summary, annotations.description]
    .filter(Boolean)
    .join('\n\n');
  const resolved = alert.status === 'resolved';
  return {
    alertId: `alertmanager:${alert.fingerprint.toLocaleLowerCase('en-US')}`,
    rule: labels.alertname || 'alertmanager alert',
    severity: severityFromLabel(labels.severity),
    monitorCondition: resolved ? 'Resolved' : 'Fired',
    targetResourceIds: resource ? [normalizeArmId(resource)] : [],
    description: description
      ? storableText(description, FIELD_LIMITS.description)
      : null,
    firedAt: new Date(alert.startsAt),
    resolvedAt: resolved && alert.endsAt ? new Date(alert.endsAt) : null,
    condition: conditionOf(alert),
    ...(ref ? { entityRef: systemRef(ref) } : {}),
    source: 'alertmanager',
  };
}

/** Every alert of an Alertmanager delivery, or which fields are wrong. */
export function parseAlertmanagerPayload(
  body: unknown,
):
  | { ok: true; notifications: AlertNotification[] }
  | { ok: false; error: string } {
  const result = payloadSchema.safeParse(body);
  if (!result.success) {
    return {
      ok: false,
      error: result.error.issues
        .map(i => `${i.path.join('.') || 'body'}: ${i.message}`)
        .join('; '),
    };
  }
  return { ok: true, notifications: result.data.alerts.map(notificationOf) };
}
