import type { StackSource } from '@sre-control-center/plugin-sre-control-center-common';

/**
 * The built-in role the backend's identity needs for each read, named on
 * the card when Azure answers 403 (docs/operations.md lists the same).
 */
export function requiredRoleFor(source: StackSource): string | null {
  switch (source) {
    case 'arm':
      return 'Reader on the resource group';
    case 'metrics':
    case 'alert-rules':
    case 'action-groups':
      return 'Monitoring Reader on the resource group';
    default:
      return null;
  }
}

/** ok / warning / error from what ARM says about a resource. */
export function stateHealth(
  state: string | null,
  provisioningState: string | null,
): 'ok' | 'warning' | 'error' | 'unknown' {
  const value = (state ?? provisioningState)?.toLowerCase();
  if (!value) return 'unknown';
  if (['running', 'ready', 'succeeded', 'available'].includes(value))
    return 'ok';
  if (
    ['stopped', 'failed', 'disabled', 'unavailable', 'dropping'].includes(value)
  )
    return 'error';
  return 'warning';
}
