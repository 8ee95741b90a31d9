import type { DeliveryDecoder } from '../domain/alerts/AlertIntake';
import { parseAlertmanagerPayload } from './alertmanager/alertmanagerPayload';
import { decodeAzureMonitorDelivery } from './azure/decodeAzureMonitorDelivery';
import { parseBoundedJson } from './webhook/jsonLimits';
import { unrecognizedNotification } from './webhook/unrecognizedPayload';

/**
 * Inbox delivery kinds, as the webhook routes classify them when they store
 * a delivery, and as the processor decodes it later.
 */
export const DELIVERY_KINDS = {
  commonAlert: 'common-alert',
  budget: 'budget',
  alertmanager: 'alertmanager',
  unrecognized: 'unrecognized',
} as const;

/**
 * Decodes any stored alert delivery by its kind. The body is checked
 * again here (depth, then schema): the inbox may hold deliveries accepted
 * before a limit existed.
 */
export const decodeDelivery: DeliveryDecoder = (kind, text, context) => {
  const parsed = parseBoundedJson(text);
  if (!parsed.ok) return { ok: false, error: `body: ${parsed.error}` };
  const body = parsed.value;
  switch (kind) {
    case DELIVERY_KINDS.alertmanager:
      return parseAlertmanagerPayload(body);
    case DELIVERY_KINDS.unrecognized:
      return {
        ok: true,
        notifications: [unrecognizedNotification(body, context.receivedAt)],
      };
    default:
      return decodeAzureMonitorDelivery(kind, body);
  }
};
