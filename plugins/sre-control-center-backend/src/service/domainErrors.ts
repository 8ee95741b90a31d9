import {
  ConflictError,
  CustomErrorBase,
  NotAllowedError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import {
  DecisionNotAllowed,
  OverBudget,
  RunbookNotFound,
  RunNotFound,
} from '../domain/runbooks/errors';
import {
  AlertNotFound,
  TransitionConflict,
  UpstreamFailure,
} from '../domain/errors';

/**
 * 409 with its own name, so clients can tell "confirm the budget breach and
 * send again with confirmOverBudget" from other conflicts.
 */
export class OverBudgetError extends CustomErrorBase {
  name = 'OverBudgetError' as const;
  statusCode = 409;
}

/** Runs a domain call and turns its failures into Backstage's HTTP errors. */
export async function withHttpErrors<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (
      error instanceof AlertNotFound ||
      error instanceof RunNotFound ||
      error instanceof RunbookNotFound
    )
      throw new NotFoundError(error.message);
    if (error instanceof DecisionNotAllowed)
      throw new NotAllowedError(error.message);
    if (error instanceof OverBudget) throw new OverBudgetError(error.message);
    if (error instanceof TransitionConflict)
      throw new ConflictError(error.message);
    if (error instanceof UpstreamFailure)
      throw new ServiceUnavailableError(error.message);
    throw error;
  }
}
