import { z } from 'zod';

/** A Cost Management budget alert sent in the common alert schema. */
const commonSchemaBudget = z.looseObject({
  data: z.looseObject({
    alertContext: z.looseObject({
      AlertData: z.looseObject({ BudgetName: z.string().min(1) }),
    }),
  }),
});

/** A budget alert in Cost Management's own action-group schema. */
const aipBudget = z.looseObject({
  schemaId: z.literal('AIP Budget Notification'),
  data: z.looseObject({ BudgetName: z.string().min(1) }),
});

/** The budget a budget alert is about, in either schema Azure sends. */
export function parseBudgetAlert(
  body: unknown,
): { ok: true; budgetName: string } | { ok: false; error: string } {
  const common = commonSchemaBudget.safeParse(body);
  if (common.success) {
    return {
      ok: true,
      budgetName: common.data.data.alertContext.AlertData.BudgetName,
    };
  }
  const aip = aipBudget.safeParse(body);
  if (aip.success) return { ok: true, budgetName: aip.data.data.BudgetName };
  return {
    ok: false,
    error:
      'budget notification without data.alertContext.AlertData.BudgetName (common schema) or data.BudgetName (AIP Budget Notification)',
  };
}
