import {
  ConflictError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import {
  AlertNotFound,
  TransitionConflict,
  UpstreamFailure,
} from '../domain/errors';

/** Runs a domain call and turns its failures into Backstage's HTTP errors. */
export async function withHttpErrors<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof AlertNotFound) throw new NotFoundError(error.message);
    if (error instanceof TransitionConflict)
      throw new ConflictError(error.message);
    if (error instanceof UpstreamFailure)
      throw new ServiceUnavailableError(error.message);
    throw error;
  }
}
