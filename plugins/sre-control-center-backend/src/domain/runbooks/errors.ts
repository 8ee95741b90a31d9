import { CustomErrorBase } from '@backstage/errors';

/**
 * A scale run would push the month's forecast over the budget: a 409 with a
 * name of its own, so clients can tell "confirm the breach and send again
 * with confirmOverBudget" from other conflicts.
 */
export class OverBudgetError extends CustomErrorBase {
  name = 'OverBudgetError' as const;
  statusCode = 409;
}

/**
 * What a runbook action adapter reports when the action failed: `code` is
 * Azure's or the driver's error code, kept on the run's result. Never an
 * HTTP answer: the run records it.
 */
export class ActionFailed extends Error {
  readonly name = 'ActionFailed';
  constructor(message: string, readonly code: string | undefined) {
    super(message);
  }
}
