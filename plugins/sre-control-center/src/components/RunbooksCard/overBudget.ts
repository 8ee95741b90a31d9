import { ResponseError } from '@backstage/errors';

/**
 * Whether an approve failed only because the scale would push the month's
 * forecast over the budget: a 409 named OverBudgetError, or any 409 whose
 * message mentions the budget. The user may then confirm and send again.
 */
export function isOverBudget(error: unknown): error is ResponseError {
  if (!ResponseError.is(error) || error.statusCode !== 409) return false;
  return (
    error.cause.name === 'OverBudgetError' ||
    /budget/i.test(error.cause.message)
  );
}

/** The server's message for a failed request, without the HTTP wrapping. */
export function messageOf(error: unknown): string {
  if (ResponseError.is(error)) return error.cause.message;
  return error instanceof Error ? error.message : String(error);
}
