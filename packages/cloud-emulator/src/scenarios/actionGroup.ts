import { randomUUID } from 'node:crypto';
import { EmulatorContext } from '../context';
import { deliverWebhook } from '../webhookDelivery';
import {
  alertProcessingRuleId,
  suppressingRule,
} from '../world/alertProcessing';
import { commonAlertSchemaPayload } from '../world/alertRules';
import { DeliveryRecord, StoredAlert } from '../world/state';

/** POSTs a common-alert-schema payload the way an action group webhook receiver does. */
export function sendActionGroupWebhook(
  ctx: EmulatorContext,
  event: string,
  payload: unknown,
): Promise<DeliveryRecord> {
  return deliverWebhook(ctx, {
    kind: 'action-group',
    event,
    url: ctx.actionGroupWebhookUrl,
    body: JSON.stringify(payload),
    payload,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    retryDelaysMs: ctx.retryDelaysMs,
  });
}

/**
 * Notifies the action group about an alert unless an alert processing rule
 * removes all action groups from it right now. As in Azure, a suppressed
 * alert still exists in Alerts Management with `actionStatus.isSuppressed`;
 * only the webhook is not sent. The skipped delivery is recorded as
 * `suppressed` so tests can see it.
 */
export function notifyActionGroup(
  ctx: EmulatorContext,
  alert: StoredAlert,
  event: string,
): Promise<DeliveryRecord> {
  const payload = commonAlertSchemaPayload(alert);
  const rule = suppressingRule(ctx.state, alert, ctx.now());
  if (!rule) return sendActionGroupWebhook(ctx, event, payload);
  alert.essentials.actionStatus.isSuppressed = true;
  const record: DeliveryRecord = {
    id: randomUUID(),
    kind: 'action-group',
    event,
    url: ctx.actionGroupWebhookUrl ?? '',
    payload,
    attempts: [],
    outcome: 'suppressed',
    suppressedBy: alertProcessingRuleId(rule),
  };
  ctx.state.deliveries.push(record);
  return Promise.resolve(record);
}
