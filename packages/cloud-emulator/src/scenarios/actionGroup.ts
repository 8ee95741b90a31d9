import { EmulatorContext } from '../context';
import { deliverWebhook } from '../webhookDelivery';
import { DeliveryRecord } from '../world/state';

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
