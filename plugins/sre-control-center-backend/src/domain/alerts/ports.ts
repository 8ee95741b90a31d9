import type {
  Alert,
  AlertEvent as AlertHistoryEntry,
  AlertSeverity,
  AlertState,
  MonitorCondition,
} from '@sre-control-center/plugin-sre-control-center-common';
import type { AlertEvent, AlertNotification } from './types';

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

/** Where alerts are kept. */
export interface AlertRepository {
  list(
    filter: AlertListFilter,
  ): Promise<{ items: Alert[]; next: AlertCursor | null }>;
  get(id: string): Promise<Alert | undefined>;
  /** The alert's history, oldest first (empty for an unknown id). */
  history(id: string): Promise<AlertHistoryEntry[]>;
}

/** A raw webhook delivery, kept before it is acknowledged. */
export interface InboxDelivery {
  source: 'azure-monitor' | 'alertmanager' | 'github';
  kind: string;
  deliveryKey: string | null;
  body: string;
  receivedAt: Date;
  /** The System named on the webhook URL (`?entityRef=`), lower-cased. */
  entityRef?: string | null;
  /**
   * Why the delivery was refused (422): it is kept, already marked processed
   * with this error, for inspection only.
   */
  rejected?: string;
}

export interface Inbox {
  /** Stores the delivery durably and returns its inbox id. */
  add(delivery: InboxDelivery): Promise<string>;
}

/** A delivery waiting in the inbox. */
export interface StoredDelivery {
  id: string;
  kind: string;
  body: string;
  receivedAt: Date;
  entityRef: string | null;
}

export interface InboxQueue {
  /** Deliveries of a source not yet processed, oldest first, after the given id. */
  pending(
    source: InboxDelivery['source'],
    limit: number,
    afterId?: string,
  ): Promise<StoredDelivery[]>;
}

/** What processing one delivery produced, written atomically. */
export interface ProcessedDelivery {
  /** The inbox delivery to mark processed; absent for changes found by reconciliation. */
  deliveryId?: string;
  /** The alert to save; absent when the delivery changed nothing. */
  alert?: Alert;
  events: AlertEvent[];
  /** Why the delivery could not be applied; it stays in the inbox for audit. */
  error?: string;
  /** Leave the delivery pending (with the error) so a later drain tries again. */
  retryLater?: boolean;
}

export interface AlertLedger {
  /** Saves the alert and its events and marks the delivery processed, in one transaction. */
  record(result: ProcessedDelivery): Promise<void>;
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
  changeState(alertId: string, state: AlertState): Promise<void>;
}

/** One entry of the append-only audit trail. */
export interface AuditEntry {
  entityRef: string;
  actor: string;
  action: string;
  target: string | null;
  at: Date;
  details: Record<string, unknown> | null;
}

export interface AlertStateLedger {
  /** Saves the alert's new state with its event and audit entry, in one transaction. */
  recordStateChange(change: {
    alert: Alert;
    event: AlertEvent;
    audit: AuditEntry;
  }): Promise<void>;
}

/** Tells open browsers that an alert changed. */
export interface AlertPublisher {
  alertChanged(alert: Alert): Promise<void>;
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
