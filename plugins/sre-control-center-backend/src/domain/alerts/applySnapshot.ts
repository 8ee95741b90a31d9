import type { Alert } from '@sre-control-center/plugin-sre-control-center-common';
import type { NotificationOutcome } from './applyNotification';
import type { AlertSnapshot } from './ports';
import type { AlertHistoryRecord } from './types';

const stateEvent: Record<Alert['state'], AlertHistoryRecord['type']> = {
  New: 'reopened',
  Acknowledged: 'acknowledged',
  Closed: 'closed',
};

/**
 * Folds what Azure's Alerts Management API says into the alert we keep.
 *
 * This is how the portal learns what webhooks never tell: an alert whose
 * webhook was lost, and state changes made outside the portal (the Azure SRE
 * Agent acknowledging, someone closing in the Azure portal). Azure's state
 * wins when Azure changed it after we last did; the monitor condition only
 * moves forward, as with webhooks.
 */
export function applySnapshot(
  existing: Alert | undefined,
  snapshot: AlertSnapshot,
  entityRef: string,
  now: Date,
): NotificationOutcome {
  const events: AlertHistoryRecord[] = [];
  const event = (
    type: AlertHistoryRecord['type'],
    at: Date,
    actor: string | null,
  ): void => {
    events.push({
      alertId: snapshot.alertId,
      type,
      actor,
      at,
      details: { source: 'alerts-management' },
    });
  };

  if (!existing) {
    event('fired', snapshot.firedAt, 'azure-monitor');
    if (snapshot.monitorCondition === 'Resolved') {
      event(
        'resolved',
        snapshot.resolvedAt ?? snapshot.lastModifiedAt,
        'azure-monitor',
      );
    }
    if (snapshot.state !== 'New') {
      event(
        stateEvent[snapshot.state],
        snapshot.lastModifiedAt,
        snapshot.lastModifiedBy,
      );
    }
    return {
      alert: {
        id: snapshot.alertId,
        entityRef,
        // Found in the System's own resource group.
        routing: 'resource-group',
        name: snapshot.rule,
        severity: snapshot.severity,
        state: snapshot.state,
        monitorCondition: snapshot.monitorCondition,
        targetResourceId: snapshot.targetResourceId,
        description: snapshot.description,
        firedAt: snapshot.firedAt.toISOString(),
        resolvedAt: snapshot.resolvedAt?.toISOString() ?? null,
        updatedAt: now.toISOString(),
      },
      events,
      changed: true,
    };
  }

  let alert = existing;
  if (existing.entityRef === null) {
    // Unrouted until now; Azure lists it in this System's resource group.
    alert = { ...alert, entityRef, routing: 'resource-group' };
    events.push({
      alertId: snapshot.alertId,
      type: 'routed',
      actor: 'azure-monitor',
      at: now,
      details: { entityRef, routing: 'resource-group' },
    });
  }
  if (
    existing.monitorCondition === 'Fired' &&
    snapshot.monitorCondition === 'Resolved'
  ) {
    const resolvedAt = snapshot.resolvedAt ?? snapshot.lastModifiedAt;
    alert = {
      ...alert,
      monitorCondition: 'Resolved',
      resolvedAt: resolvedAt.toISOString(),
    };
    event('resolved', resolvedAt, 'azure-monitor');
  }
  const changedInAzureSince =
    snapshot.lastModifiedAt.getTime() > Date.parse(existing.updatedAt);
  if (snapshot.state !== existing.state && changedInAzureSince) {
    alert = { ...alert, state: snapshot.state };
    event(
      stateEvent[snapshot.state],
      snapshot.lastModifiedAt,
      snapshot.lastModifiedBy,
    );
  }
  if (events.length === 0) {
    return { alert: existing, events, changed: false };
  }
  return {
    alert: { ...alert, updatedAt: now.toISOString() },
    events,
    changed: true,
  };
}
