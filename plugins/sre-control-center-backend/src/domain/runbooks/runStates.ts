import type { RunStatus } from '@sre-control-center/plugin-sre-control-center-common';

/**
 * The run state machine. Every change is a conditional update from one of
 * `from` in the store, so of two concurrent callers exactly one wins.
 */
export const RUN_TRANSITIONS = {
  approve: { from: ['pending_approval'], to: 'approved' },
  reject: { from: ['pending_approval'], to: 'rejected' },
  expire: { from: ['pending_approval'], to: 'expired' },
  claim: { from: ['approved'], to: 'running' },
  succeed: { from: ['running'], to: 'succeeded' },
  fail: { from: ['running'], to: 'failed' },
  // A run whose executor stopped renewing its lease died mid-run: it is
  // flagged for a human, never re-run blindly.
  interrupt: { from: ['running'], to: 'interrupted' },
} as const satisfies Record<string, { from: RunStatus[]; to: RunStatus }>;

export type RunTransition = keyof typeof RUN_TRANSITIONS;

export const FINAL_STATUSES: readonly RunStatus[] = [
  'rejected',
  'expired',
  'succeeded',
  'failed',
  'interrupted',
  'skipped',
];

export function isFinal(status: RunStatus): boolean {
  return FINAL_STATUSES.includes(status);
}
