import type {
  Alert,
  AlertEvent,
  AlertSeverity,
  AlertState,
  MonitorCondition,
} from '@sre-control-center/plugin-sre-control-center-common';
import type { AuditEntry } from '../audit';
import type { AzureAlertId } from './alertIds';
import type { AlertHistoryRecord, AlertNotification } from './types';

/** Position after the last alert of a page (newest first). */
export interface AlertCursor {
  firedAt: string;
  id: string;
}

export interface AlertListFilter {
  entityRef: string;
  state?: AlertState;
  severity?: AlertSeverity;
  limit: number;
  after?: AlertCursor;
  /** Only alerts updated after this time (catch-up after missed signals). */
  changedSince?: Date;
}

/** A page of alerts, newest first. */
export interface AlertPage {
  items: Alert[];
  next: AlertCursor | null;
}

/** Where alerts are kept. */
export interface AlertRepository {
  list(filter: AlertListFilter): Promise<AlertPage>;
  /** Alerts no System claims, newest first. */
  listUnrouted(query: {
    limit: number;
    after?: AlertCursor;
  }): Promise<AlertPage>;
  get(id: string): Promise<Alert | undefined>;
  getMany(ids: string[]): Promise<Map<string, Alert>>;
  /** The alert's history, oldest first (empty for an unknown id). */
  history(id: string): Promise<AlertEvent[]>;
  /** Every alert of the System that fired at or after `since`, newest first. */
  firedSince(entityRef: string, since: Date): Promise<Alert[]>;
}

/**
 * One change to one alert, from what was read (`before`; undefined for an
 * alert not stored yet) to `after`, with its history lines and audit entry.
 */
export interface AlertWrite {
  before: Alert | undefined;
  after: Alert;
  events: AlertHistoryRecord[];
  audit?: AuditEntry;
}

export interface AlertLedger {
  /**
   * Applies the writes in one transaction, each only if its alert is still
   * as it was read: a new alert only if none exists yet, a change only if
   * every field it changes still holds its `before` value. A write's events
   * and audit entry are stored only with it, so each transition is recorded
   * exactly once however many writers race. Resolves the ids of the writes
   * that did not apply: someone changed those alerts first.
   */
  commit(writes: AlertWrite[]): Promise<{ conflicts: Set<string> }>;
}

/** Unrouted alerts, by the resource group that would claim them. */
export interface UnroutedAlerts {
  /** Resource groups that unrouted alerts target, at most `limit`. */
  unroutedResourceGroups(limit: number): Promise<string[]>;
  /**
   * Gives the System every unrouted alert targeting the resource group, with
   * a `routed` history line each; resolves the alerts it moved.
   */
  route(resourceGroupId: string, entityRef: string, at: Date): Promise<Alert[]>;
}

/** An alert as the Azure Alerts Management API reports it. */
export interface AlertSnapshot {
  alertId: string;
  rule: string;
  severity: AlertSeverity;
  state: AlertState;
  monitorCondition: MonitorCondition;
  targetResourceId: string | null;
  description: string | null;
  firedAt: Date;
  resolvedAt: Date | null;
  lastModifiedAt: Date;
  lastModifiedBy: string | null;
}

/** Azure's side of alerts: the source of truth the portal reconciles with. */
export interface AlertSource {
  /** Alerts of a resource group that changed recently, newest first. */
  listAlerts(resourceGroupId: string): Promise<AlertSnapshot[]>;
  changeState(alertId: AzureAlertId, state: AlertState): Promise<void>;
}

/** Tells open browsers which alerts changed (coalesced per System). */
export interface AlertPublisher {
  alertsChanged(alerts: Alert[]): Promise<void>;
}

/** Whatever must happen once alerts changed: push to browsers, start runbooks, escalate. */
export interface AlertChangeListener {
  alertsChanged(alerts: Alert[]): Promise<void>;
}

/** Reads a stored delivery body of a given kind. */
export type NotificationDecoder = (
  kind: string,
  body: unknown,
  context: { receivedAt: Date },
) => DecodedDelivery;

/** What a delivery says: alerts (an Alertmanager delivery carries several), or a budget. */
export type DecodedDelivery =
  | { ok: true; notifications: AlertNotification[] }
  | { ok: true; budgetName: string }
  | { ok: false; error: string };

/** Handles a budget notification; resolves to why it could not, or undefined. */
export interface BudgetNotificationHandler {
  budgetCrossed(budgetName: string): Promise<string | undefined>;
}
