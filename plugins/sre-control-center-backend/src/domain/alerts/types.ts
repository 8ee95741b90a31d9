import type {
  AlertSeverity,
  MonitorCondition,
} from '@internal/plugin-sre-control-center-common';

/**
 * What one Azure Monitor notification says about an alert, independent of
 * the payload format it arrived in.
 */
export interface AlertNotification {
  /** Full Azure alert id, lower-cased. */
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
}

/** One line of an alert's history. */
export interface AlertEvent {
  alertId: string;
  type: 'fired' | 'resolved' | 'acknowledged' | 'closed' | 'reopened';
  actor: string | null;
  at: Date;
  details: Record<string, unknown> | null;
}
