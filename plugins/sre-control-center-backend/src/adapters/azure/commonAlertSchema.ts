import { z } from 'zod';
import { canonicalAlertId, isAzureAlertId } from '../../domain/alerts/alertIds';
import { normalizeArmId } from '../../domain/alerts/resourceIds';
import type { AlertNotification } from '../../domain/alerts/types';
import { boundedName, FIELD_LIMITS, storableText } from '../webhook/fields';
import { describeAlertContext } from './alertContext';

/**
 * The essentials of Azure Monitor's common alert schema, the part that is the
 * same for metric, log and activity-log alerts. Unknown fields are kept out of
 * the way (loose objects) because Azure adds fields over time.
 * https://learn.microsoft.com/azure/azure-monitor/alerts/alerts-common-schema
 */
const essentialsSchema = z.looseObject({
  // It becomes the path of Azure calls (acknowledge, close): its one real shape only.
  alertId: z.string().refine(isAzureAlertId, {
    message:
      'must be an Azure alert id, /subscriptions/{subscription guid}/providers/Microsoft.AlertsManagement/alerts/{alert guid}',
  }),
  alertRule: boundedName(FIELD_LIMITS.ruleName),
  severity: z.enum(['Sev0', 'Sev1', 'Sev2', 'Sev3', 'Sev4']),
  monitorCondition: z.enum(['Fired', 'Resolved']),
  // Service Health and budget alerts may send null.
  alertTargetIDs: z
    .array(boundedName(FIELD_LIMITS.resourceId))
    .max(FIELD_LIMITS.targets)
    .nullish()
    .transform(ids => ids ?? []),
  firedDateTime: z.iso.datetime({ offset: true, local: true }),
  resolvedDateTime: z.iso.datetime({ offset: true, local: true }).nullish(),
  description: z.string().nullish(),
  /** Decides the shape of alertContext (Platform, Log Alerts V2, ServiceHealth, ...). */
  monitoringService: z.string().nullish(),
});

const commonAlertSchema = z.looseObject({
  schemaId: z.literal('azureMonitorCommonAlertSchema'),
  data: z.looseObject({
    essentials: essentialsSchema,
    alertContext: z.unknown().optional(),
  }),
});

/** Azure writes some timestamps without a zone; they are UTC. */
function utc(value: string): Date {
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`);
}

export type ParseResult =
  | { ok: true; notification: AlertNotification }
  | { ok: false; error: string };

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map(i => `${i.path.join('.') || 'body'}: ${i.message}`)
    .join('; ');
}

/**
 * What is wrong with a common-alert-schema body (each bad field), or
 * undefined when it can be processed. The webhook asks this before its 202;
 * the alert context is not checked, since a context we cannot read only
 * costs the alert its condition summary.
 */
export function commonAlertProblems(body: unknown): string | undefined {
  const result = commonAlertSchema.safeParse(body);
  return result.success ? undefined : describeIssues(result.error);
}

/** Turns a stored common-alert-schema body into a notification, or says why not. */
export function parseCommonAlert(body: unknown): ParseResult {
  const result = commonAlertSchema.safeParse(body);
  if (!result.success) {
    return { ok: false, error: describeIssues(result.error) };
  }
  const e = result.data.data.essentials;
  const condition = describeAlertContext(
    e.monitoringService ?? undefined,
    result.data.data.alertContext,
  );
  return {
    ok: true,
    notification: {
      alertId: canonicalAlertId(e.alertId)!,
      rule: e.alertRule,
      severity: e.severity,
      monitorCondition: e.monitorCondition,
      targetResourceIds: e.alertTargetIDs.map(normalizeArmId),
      description: e.description
        ? storableText(e.description, FIELD_LIMITS.description)
        : null,
      firedAt: utc(e.firedDateTime),
      resolvedAt: e.resolvedDateTime ? utc(e.resolvedDateTime) : null,
      ...(condition ? { condition } : {}),
      source: 'azure-monitor',
    },
  };
}
