/** Run failures, free of HTTP; the service layer maps them to statuses. */
export class RunNotFound extends Error {
  readonly name = 'RunNotFound';
}

export class RunbookNotFound extends Error {
  readonly name = 'RunbookNotFound';
}

/** The caller may not decide this run (four-eyes rule). */
export class DecisionNotAllowed extends Error {
  readonly name = 'DecisionNotAllowed';
}

/** A scale run would push the month's forecast over the budget. */
export class OverBudget extends Error {
  readonly name = 'OverBudget';
}

/** An action failed; `code` is Azure's or the driver's error code. */
export class ActionFailed extends Error {
  readonly name = 'ActionFailed';
  constructor(message: string, readonly code: string | undefined) {
    super(message);
  }
}
