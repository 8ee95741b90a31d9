import type {
  Alert,
  AlertSeverity,
  AlertState,
} from '@sre-control-center/plugin-sre-control-center-common';

/** What the user narrowed the feed to; undefined means all. */
export interface FeedFilters {
  severity?: AlertSeverity;
  state?: AlertState;
  /** ARM id of the target resource, lower-cased as the API returns it. */
  resource?: string;
}

export const SEVERITIES: AlertSeverity[] = [
  'Sev0',
  'Sev1',
  'Sev2',
  'Sev3',
  'Sev4',
];
export const STATES: AlertState[] = ['New', 'Acknowledged', 'Closed'];

export const severityColor: Record<
  AlertSeverity,
  'error' | 'warning' | 'info' | 'default'
> = {
  Sev0: 'error',
  Sev1: 'error',
  Sev2: 'warning',
  Sev3: 'info',
  Sev4: 'default',
};

/**
 * Applied on screen to every loaded alert, server-filtered or not: pushes and
 * catch-ups bring alerts that no longer (or never did) match.
 */
export function matchesFilters(alert: Alert, filters: FeedFilters): boolean {
  return (
    (!filters.severity || alert.severity === filters.severity) &&
    (!filters.state || alert.state === filters.state) &&
    (!filters.resource || alert.targetResourceId === filters.resource)
  );
}

/** The last segment of an ARM id: the resource's name. */
export function resourceName(armId: string): string {
  return armId.split('/').filter(Boolean).pop() ?? armId;
}

/** The resources the loaded alerts fired on, by name. */
export function resourcesOf(alerts: Alert[]): string[] {
  const ids = new Set<string>();
  for (const alert of alerts) {
    if (alert.targetResourceId) ids.add(alert.targetResourceId);
  }
  return [...ids].sort((a, b) =>
    resourceName(a).localeCompare(resourceName(b)),
  );
}

/** The resource's blade in the Azure portal (any tenant the user is in). */
export function portalUrl(armId: string): string {
  return `https://portal.azure.com/#resource${armId}`;
}
