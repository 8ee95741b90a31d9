import { z } from 'zod';
import type { NotificationDecoder } from '../../domain/alerts/ports';
import { parseCommonAlert } from './commonAlertSchema';

/** The part of a Cost Management budget alert (common schema) the portal reads. */
const budgetAlertSchema = z.looseObject({
  data: z.looseObject({
    alertContext: z.looseObject({
      AlertData: z.looseObject({ BudgetName: z.string().min(1) }),
    }),
  }),
});

/** Decodes an inbox delivery by the kind the webhook classified it as. */
export const decodeAzureMonitorDelivery: NotificationDecoder = (kind, body) => {
  if (kind === 'common-alert') return parseCommonAlert(body);
  if (kind === 'budget') {
    const parsed = budgetAlertSchema.safeParse(body);
    return parsed.success
      ? {
          ok: true,
          budgetName: parsed.data.data.alertContext.AlertData.BudgetName,
        }
      : {
          ok: false,
          error:
            'budget notification without data.alertContext.AlertData.BudgetName',
        };
  }
  return { ok: false, error: `unknown delivery kind ${kind}` };
};
