import { ResponseError } from '@backstage/errors';

/**
 * Whether an approve failed only because the scale would push the month's
 * forecast over the budget (the backend's 409 OverBudgetError). The user may
 * then confirm and send again with confirmOverBudget.
 */
export function isOverBudget(error: unknown): error is ResponseError {
  return (
    ResponseError.is(error) &&
    error.statusCode === 409 &&
    error.cause.name === 'OverBudgetError'
  );
}

/** The server's message for a failed request, without the HTTP wrapping. */
export function messageOf(error: unknown): string {
  if (ResponseError.is(error)) return error.cause.message;
  return error instanceof Error ? error.message : String(error);
}
