/**
 * Domain failures, free of HTTP; the service layer maps them to statuses
 * (404, 409, 502) with Backstage's error types.
 */
export class AlertNotFound extends Error {
  readonly name = 'AlertNotFound';
}

export class TransitionConflict extends Error {
  readonly name = 'TransitionConflict';
}

/** The cloud provider refused or failed a change; nothing was changed locally. */
export class UpstreamFailure extends Error {
  readonly name = 'UpstreamFailure';
}
