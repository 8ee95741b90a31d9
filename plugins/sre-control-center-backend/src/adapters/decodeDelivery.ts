import type { NotificationDecoder } from '../domain/alerts/ports';
import { parseAlertmanagerPayload } from './alertmanager/alertmanagerPayload';
import { decodeAzureMonitorDelivery } from './azure/decodeAzureMonitorDelivery';
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

/** Decodes any alert delivery in the inbox by its kind. */
export const decodeDelivery: NotificationDecoder = (kind, body, context) => {
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
