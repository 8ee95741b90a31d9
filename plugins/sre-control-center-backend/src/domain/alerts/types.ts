import type {
  AlertCondition,
  AlertEvent,
  AlertRouting,
  AlertSeverity,
  MonitorCondition,
} from '@sre-control-center/plugin-sre-control-center-common';

/**
 * What one notification (Azure Monitor, Alertmanager, an unrecognized
 * webhook payload) says about an alert, independent of its payload format.
 */
export interface AlertNotification {
  /** Full Azure alert id, lower-cased, or `alertmanager:…` / `unrecognized:…`. */
  alertId: string;
  /** Alert rule name, e.g. alert-high-response-time. */
  rule: string;
  severity: AlertSeverity;
  monitorCondition: MonitorCondition;
  /** ARM ids of the resources the alert is about, lower-cased. */
  targetResourceIds: string[];
  description: string | null;
  firedAt: Date;
  resolvedAt: Date | null;
  /** What the rule's condition saw, for the alert's detail view. */
  condition?: AlertCondition;
  /** A System the payload itself names (an Alertmanager label), lower-cased. */
  entityRef?: string;
  /** Who reported it, the actor of its events; `azure-monitor` when absent. */
  source?: string;
}

/** Where a notification's alert belongs: a System (and how it got there), or none yet. */
export type AlertDestination =
  | { entityRef: string; routing: AlertRouting }
  | { entityRef: null; routing: null };

/** One line of an alert's history, as stored (the API's {@link AlertEvent} plus its alert). */
export interface AlertHistoryRecord {
  alertId: string;
  type: AlertEvent['type'];
  actor: string | null;
  at: Date;
  details: Record<string, unknown> | null;
}
