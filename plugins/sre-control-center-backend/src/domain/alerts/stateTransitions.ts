import type { AlertState } from '@sre-control-center/plugin-sre-control-center-common';

/** States a person can move an alert to from the portal. */
export type RequestedState = 'Acknowledged' | 'Closed';

export type TransitionCheck =
  | { kind: 'apply' }
  | { kind: 'noop' }
  | { kind: 'conflict'; reason: string };

/**
 * New → Acknowledged → Closed, and New → Closed. Asking for the state an alert
 * is already in is a no-op, so a double click or a retried request is
 * harmless; acknowledging a closed alert is a conflict (it is over).
 */
export function checkTransition(
  current: AlertState,
  target: RequestedState,
): TransitionCheck {
  if (current === target) return { kind: 'noop' };
  if (current === 'Closed') {
    return {
      kind: 'conflict',
      reason: `the alert is Closed and cannot be ${target}`,
    };
  }
  return { kind: 'apply' };
}
