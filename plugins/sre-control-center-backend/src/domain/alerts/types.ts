import type {
  AlertCondition,
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

/** One line of an alert's history. */
export interface AlertEvent {
  alertId: string;
  type: 'fired' | 'resolved' | 'acknowledged' | 'closed' | 'reopened';
  actor: string | null;
  at: Date;
  details: Record<string, unknown> | null;
}
