import type {
  Alert,
  AlertCondition,
} from '@sre-control-center/plugin-sre-control-center-common';
import type {
  AlertDestination,
  AlertHistoryRecord,
  AlertNotification,
} from './types';

export interface NotificationOutcome {
  /** The alert after the notification; unchanged when nothing changed. */
  alert: Alert;
  /** What happened, for the alert's history; empty for a replay. */
  events: AlertHistoryRecord[];
  changed: boolean;
}

/**
 * Folds one notification into the alert it is about.
 *
 * Azure delivers at least once and not in order: an action group retries a
 * Fired delivery that may land after the Resolved one. So a notification only
 * moves the monitor condition forward (Fired → Resolved), and a repeat of
 * what we already know changes nothing. The user-controlled state
 * (New/Acknowledged/Closed) is never set from a notification, except that a
 * new alert starts as New.
 *
 * An alert keeps the System it has; one no System claimed yet (unrouted)
 * takes the notification's destination when it has one.
 */
export function applyNotification(
  existing: Alert | undefined,
  notification: AlertNotification,
  destination: AlertDestination,
  now: Date,
): NotificationOutcome {
  if (!existing) {
    const alert: Alert = {
      id: notification.alertId,
      entityRef: destination.entityRef,
      routing: destination.routing,
      name: notification.rule,
      severity: notification.severity,
      state: 'New',
      monitorCondition: notification.monitorCondition,
      targetResourceId: notification.targetResourceIds[0] ?? null,
      description: notification.description,
      firedAt: notification.firedAt.toISOString(),
      resolvedAt: notification.resolvedAt?.toISOString() ?? null,
      updatedAt: now.toISOString(),
      ...withCondition(notification.condition),
    };
    const events: AlertHistoryRecord[] = [
      event(alert.id, 'fired', notification.firedAt, notification),
    ];
    if (notification.monitorCondition === 'Resolved') {
      events.push(
        event(
          alert.id,
          'resolved',
          notification.resolvedAt ?? now,
          notification,
        ),
      );
    }
    return { alert, events, changed: true };
  }

  if (existing.entityRef === null && destination.entityRef !== null) {
    const routed = applyNotification(
      {
        ...existing,
        entityRef: destination.entityRef,
        routing: destination.routing,
        updatedAt: now.toISOString(),
      },
      notification,
      destination,
      now,
    );
    return {
      alert: routed.alert,
      events: [
        {
          alertId: existing.id,
          type: 'routed',
          actor: notification.source ?? 'azure-monitor',
          at: now,
          details: {
            entityRef: destination.entityRef,
            routing: destination.routing,
          },
        },
        ...routed.events,
      ],
      changed: true,
    };
  }

  if (
    existing.monitorCondition === 'Fired' &&
    notification.monitorCondition === 'Resolved'
  ) {
    const resolvedAt = notification.resolvedAt ?? now;
    const alert: Alert = {
      ...existing,
      monitorCondition: 'Resolved',
      resolvedAt: resolvedAt.toISOString(),
      updatedAt: now.toISOString(),
      // The resolving evaluation's values are the latest the rule saw.
      ...withCondition(notification.condition ?? existing.condition),
    };
    return {
      alert,
      events: [event(existing.id, 'resolved', resolvedAt, notification)],
      changed: true,
    };
  }

  if (!existing.condition && notification.condition) {
    // Found first by reconciliation, which does not say what the rule saw.
    return {
      alert: {
        ...existing,
        condition: notification.condition,
        updatedAt: now.toISOString(),
      },
      events: [],
      changed: true,
    };
  }

  return { alert: existing, events: [], changed: false };
}

function withCondition(condition: AlertCondition | undefined): {
  condition?: AlertCondition;
} {
  return condition ? { condition } : {};
}

function event(
  alertId: string,
  type: AlertHistoryRecord['type'],
  at: Date,
  notification: AlertNotification,
): AlertHistoryRecord {
  return {
    alertId,
    type,
    actor: notification.source ?? 'azure-monitor',
    at,
    details: { rule: notification.rule, severity: notification.severity },
  };
}
