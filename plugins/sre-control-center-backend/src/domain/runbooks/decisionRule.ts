import type { RunRecord } from './types';

export interface DecisionContext {
  /** Whether the caller holds sre-control-center.runbook.approve. */
  permitted: boolean;
  /** The caller's user entity ref, when the caller is a user. */
  actor: string | undefined;
  /** Four-eyes rule: the requester may not approve their own run. */
  distinctApprover: boolean;
  now: Date;
}

/** Whether the caller may approve or reject the run now, and if not, why. */
export function decisionFor(
  run: RunRecord,
  context: DecisionContext,
): { allowed: boolean; reason: string | null } {
  if (run.status !== 'pending_approval') {
    return { allowed: false, reason: `The run is ${describe(run.status)}` };
  }
  if (run.expiresAt && new Date(run.expiresAt) <= context.now) {
    return {
      allowed: false,
      reason: `The request expired at ${run.expiresAt}`,
    };
  }
  if (!context.permitted || !context.actor) {
    return {
      allowed: false,
      reason:
        'Only approvers may decide (permission sre-control-center.runbook.approve)',
    };
  }
  if (context.distinctApprover && run.requestedBy === context.actor) {
    return {
      allowed: false,
      reason: 'You requested this run; another approver must decide',
    };
  }
  return { allowed: true, reason: null };
}

function describe(status: RunRecord['status']): string {
  return status.replace('_', ' ');
}
