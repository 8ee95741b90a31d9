import type { DecodedDelivery } from '../../domain/alerts/ports';
import { parseBudgetAlert } from './budgetAlert';
import { parseCommonAlert } from './commonAlertSchema';

/** Decodes an Azure Monitor inbox delivery by the kind the webhook classified it as. */
export function decodeAzureMonitorDelivery(
  kind: string,
  body: unknown,
): DecodedDelivery {
  if (kind === 'common-alert') {
    const parsed = parseCommonAlert(body);
    return parsed.ok
      ? { ok: true, notifications: [parsed.notification] }
      : parsed;
  }
  if (kind === 'budget') return parseBudgetAlert(body);
  return { ok: false, error: `unknown delivery kind ${kind}` };
}
