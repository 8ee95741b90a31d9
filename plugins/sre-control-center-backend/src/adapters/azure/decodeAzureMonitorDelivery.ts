import type { NotificationDecoder } from '../../domain/alerts/ports';
import { parseCommonAlert } from './commonAlertSchema';

/**
 * Decodes an inbox delivery by the kind the webhook classified it as.
 * Budget notifications are kept in the inbox; cost tracking reads them once
 * it exists, so here they are reported as not (yet) alerts.
 */
export const decodeAzureMonitorDelivery: NotificationDecoder = (kind, body) => {
  if (kind === 'common-alert') return parseCommonAlert(body);
  if (kind === 'budget') {
    return {
      ok: false,
      error: 'budget notification: kept for cost tracking, not an alert',
    };
  }
  return { ok: false, error: `unknown delivery kind ${kind}` };
};
