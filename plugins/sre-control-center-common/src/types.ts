import type { DeploymentSignal } from './deployments';
import type { EscalationSignal } from './escalation';
import type { StackSignal } from './stack';
import type { AlertIssue, IssuesSignal } from './issues';

/**
 * Answer of `GET /health`.
 *
 * @public
 */
export interface HealthResponse {
  status: 'ok';
}

/**
 * Severity as Azure Monitor names it (Sev0 is the most severe).
 *
 * @public
 */
export type AlertSeverity = 'Sev0' | 'Sev1' | 'Sev2' | 'Sev3' | 'Sev4';

/**
 * Azure Alerts Management states, which the Control Center mirrors.
 *
 * @public
 */
export type AlertState = 'New' | 'Acknowledged' | 'Closed';

/**
 * Whether the monitor condition still holds, as Azure reports it.
 *
 * @public
 */
export type MonitorCondition = 'Fired' | 'Resolved';

/**
 * One alert as the Control Center API returns it. A type alias rather than an
 * interface so that it is assignable to JsonObject (signal payloads).
 *
 * @public
 */
export type Alert = {
  /**
   * The Azure alert id, lower-cased; `alertmanager:<fingerprint>` for
   * Alertmanager alerts, `unrecognized:<sha256>` for other webhook payloads.
   */
  id: string;
  /** The System the alert belongs to; null while no System claims it (unrouted). */
  entityRef: string | null;
  /**
   * How the alert reached its System: its target's resource group (the
   * System's `sre-control-center/azure-resource-group`), the webhook URL's
   * `?entityRef=`, or an Alertmanager label. Only alerts routed by the
   * resource group start runbooks on their own. Null while unrouted.
   */
  routing: AlertRouting | null;
  name: string;
  severity: AlertSeverity;
  state: AlertState;
  monitorCondition: MonitorCondition;
  /** ARM id of the resource the alert fired on. */
  targetResourceId: string | null;
  description: string | null;
  firedAt: string;
  resolvedAt: string | null;
  updatedAt: string;
  /** What the alert rule's condition saw, when the payload says (metric or log query). */
  condition?: AlertCondition;
  /** GitHub issues linked to the alert (`GET /alerts`, `GET /alerts/:id`); absent in signals. */
  issues?: AlertIssue[];
};

/**
 * How an alert reached its System (see {@link Alert.routing}).
 *
 * @public
 */
export type AlertRouting = 'resource-group' | 'webhook-url' | 'label';

/**
 * An alert no System claims (`GET /alerts?unrouted=true`), with what would
 * route it: the annotation a System needs, or the webhook URL's `?entityRef=`
 * for alerts without a target resource (service health).
 *
 * @public
 */
export type UnroutedAlert = Alert & {
  routingHint: {
    /** What to do, in a sentence. */
    message: string;
    /** The System annotation that would claim the alert, when there is one. */
    annotation: { name: string; value: string } | null;
  };
};

/**
 * The condition part of an alert payload: a metric threshold or a log query.
 *
 * @public
 */
export type AlertCondition = {
  metric?: string;
  operator?: string;
  threshold?: number;
  observed?: number;
  query?: string;
  /** A one-line summary; the only field for activity-log and health alerts. */
  text?: string;
  /** Who raised it: Azure's monitoringService (e.g. `Log Alerts V2`), `alertmanager` or `webhook`. */
  source?: string;
  /** Metric dimensions or Alertmanager labels the alert was raised for. */
  dimensions?: Array<{ name: string; value: string }>;
  /** Where to look further: log search results, the Prometheus graph. */
  link?: string;
};

/**
 * One line of an alert's history (`GET /alerts/:id/events`), oldest first.
 *
 * @public
 */
export type AlertEvent = {
  /** `routed`: a System claimed a formerly unrouted alert (details.entityRef). */
  type:
    | 'fired'
    | 'resolved'
    | 'acknowledged'
    | 'closed'
    | 'reopened'
    | 'routed'
    /** An on-call page (details: escalationId, level, channel, target, outcome). */
    | 'escalation';
  /** `user:default/…` for people, `azure-monitor`, or who Azure says changed it. */
  actor: string | null;
  at: string;
  /** E.g. `{ comment }` for an acknowledge with a comment. */
  details: Record<string, unknown> | null;
};

/**
 * Answer of `POST /alerts/:id/acknowledge` and `/close`: the alert after the change, and whether anything changed.
 *
 * @public
 */
export type AlertChangeResult = {
  alert: Alert;
  changed: boolean;
};

/**
 * A page of a cursor-paginated list, newest first.
 *
 * @public
 */
export interface Page<T> {
  items: T[];
  /** Pass as `cursor` to get the next page; null on the last page. */
  nextCursor: string | null;
  /**
   * The server's time just before it read the list (`GET /alerts`): a client
   * that catches up with `changedSince` starts from here, on the server's clock.
   */
  asOf?: string;
}

/**
 * Message on a project's signal channel when one of its alerts changes.
 *
 * @public
 */
export type AlertSignal = {
  type: 'alert.changed';
  alert: Alert;
};

/**
 * Message on a project's signal channel carrying every alert of the System
 * that one processing batch changed (a storm costs one message per batch,
 * not one per alert).
 *
 * @public
 */
export type AlertsSignal = {
  type: 'alerts.changed';
  entityRef: string;
  alerts: Alert[];
};

/**
 * One entry of the append-only audit trail (`GET /audit`).
 *
 * @public
 */
export type AuditLogEntry = {
  id: string;
  entityRef: string;
  actor: string;
  action: string;
  target: string | null;
  at: string;
  details: Record<string, unknown> | null;
};

/**
 * A budget threshold (percent of the budget) and whether spend has crossed it.
 *
 * @public
 */
export type BudgetThreshold = {
  percent: number;
  /** Actual: month-to-date spend; Forecasted: the month's forecast. */
  basis: 'Actual' | 'Forecasted';
  crossed: boolean;
};

/**
 * Month-to-date cost of a project against its budget (`GET /costs`).
 *
 * @public
 */
export type CostSummary = {
  entityRef: string;
  currency: string;
  /** First and last day of the month, yyyy-mm-dd. */
  period: { from: string; to: string };
  monthToDate: number;
  /** Month-to-date plus Azure's forecast for the rest of the month. */
  forecast: number;
  budget: {
    name: string;
    amount: number;
    /** Month-to-date as a percentage of the budget. */
    percentUsed: number;
    forecastPercent: number;
    thresholds: BudgetThreshold[];
  } | null;
  byService: Array<{ name: string; cost: number }>;
  byResource: Array<{ resourceId: string; name: string; cost: number }>;
  daily: Array<{ date: string; cost: number }>;
  refreshedAt: string;
  /** Set when the last refresh failed; the figures are from refreshedAt. */
  lastError: string | null;
};

/**
 * Message on a project's signal channel when its cost figures were refreshed.
 *
 * @public
 */
export type CostsSignal = {
  type: 'costs.changed';
  entityRef: string;
};

/**
 * Anything the backend pushes on a project's signal channel.
 *
 * @public
 */
export type ProjectSignal =
  | AlertSignal
  | AlertsSignal
  | CostsSignal
  | RunSignal
  | MaintenanceSignal
  | StackSignal
  | DeploymentSignal
  | IssuesSignal
  | EscalationSignal;

/**
 * What a runbook action does. Same names as the Azure SRE Agent's runbook file.
 *
 * @public
 */
export type RunbookActionType =
  | 'restart'
  | 'scale'
  | 'execute_query'
  | 'rollback';

/**
 * One step of a runbook, as configured (`sreControlCenter.runbooks[].actions`).
 *
 * @public
 */
export type RunbookAction = {
  type: RunbookActionType;
  /** Resource name in the System's resource group (site, plan or PostgreSQL server). */
  resource: string;
  /** `scale`: the App Service plan SKU to move to, e.g. B2. */
  target_sku?: string;
  /** `execute_query`: the SQL to run; defaults to ending sessions idle for over an hour. */
  query?: string;
  /** `rollback`: the deployment slot to swap back with production. */
  slot?: string;
  approval_required: boolean;
};

/**
 * A runbook definition (`GET /runbooks`).
 *
 * @public
 */
export type Runbook = {
  /** Stable id derived from the name (lower-case, dashes). */
  id: string;
  name: string;
  description: string | null;
  /** The alert rule whose firing starts a run, if any. */
  trigger: { alert: string } | null;
  condition: string | null;
  actions: RunbookAction[];
  /** True when any action needs an approval before the run executes. */
  requiresApproval: boolean;
  cooldownMinutes: number;
  /** Open alerts of the System that would trigger this runbook now. */
  triggeredBy: Array<{ alertId: string; name: string; firedAt: string }>;
};

/**
 * Life of a run. pending_approval → approved → running → succeeded | failed;
 * pending_approval → rejected | expired; running → interrupted when the
 * process died mid-run (never re-run blindly); skipped: an alert-triggered
 * automatic run inside the runbook's cooldown (a flapping alert).
 *
 * @public
 */
export type RunStatus =
  | 'skipped'
  | 'pending_approval'
  | 'approved'
  | 'rejected'
  | 'expired'
  | 'running'
  | 'succeeded'
  | 'failed'
  | 'interrupted';

/**
 * What one action of a run did.
 *
 * @public
 */
export type RunActionResult = {
  type: RunbookActionType;
  resource: string;
  status: 'succeeded' | 'failed' | 'timeout' | 'skipped';
  /** Human summary, e.g. "plan asp-… scaled B1 → B2" or "ended 3 idle sessions". */
  summary: string;
  /** Azure error code (e.g. AuthorizationFailed) or driver error code, when failed. */
  errorCode?: string;
  startedAt: string;
  finishedAt: string;
};

/**
 * One runbook run (`GET /runs`, `POST /runs`, approve, reject).
 *
 * @public
 */
export type RunbookRun = {
  id: string;
  entityRef: string;
  runbookId: string;
  runbookName: string;
  status: RunStatus;
  requiresApproval: boolean;
  /** `user:default/…`, or `automation` for alert-triggered runs. */
  requestedBy: string;
  requestedAt: string;
  reason: string | null;
  /** The alert that caused the run, if any. */
  triggerAlert: { id: string; name: string } | null;
  expiresAt: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionComment: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  results: RunActionResult[];
  error: string | null;
  /** How many firings of the trigger alert this request stands for (a flapping alert attaches to its pending request). */
  firings: number;
  /** Did it work: the triggering alert after the action, e.g. "resolved 4 min after the action". */
  outcome: string | null;
  /** Whether the caller may approve or reject this run now, and why not. */
  decision: { allowed: boolean; reason: string | null };
};

/**
 * Message on a project's signal channel when one of its runs changes.
 *
 * @public
 */
export type RunSignal = {
  type: 'run.changed';
  run: Omit<RunbookRun, 'decision'>;
};

/**
 * One line of a System's timeline (`GET /timeline`): alerts, runs, issues.
 *
 * @public
 */
export type TimelineEntry = {
  at: string;
  kind:
    | 'alert'
    | 'run'
    | 'issue'
    | 'maintenance'
    | 'deployment'
    | 'escalation'
    | 'other';
  /** e.g. alert.fired, run.requested, run.approved, run.succeeded, alert.resolved */
  action: string;
  actor: string | null;
  summary: string;
  target: string | null;
};

/**
 * A maintenance window (`GET /maintenance`): while it lasts, an Azure alert
 * processing rule removes all action groups from the System's alerts.
 *
 * @public
 */
export type MaintenanceWindow = {
  /** Name of the alert processing rule, `sre-cc-maintenance-<timestamp>`. */
  name: string;
  /** ARM id of the alert processing rule. */
  ruleId: string;
  entityRef: string;
  reason: string;
  /** Who started it (`user:default/…`); null when Azure does not say. */
  startedBy: string | null;
  startedAt: string;
  endsAt: string;
};

/**
 * Message on a project's signal channel when a maintenance window starts or ends.
 *
 * @public
 */
export type MaintenanceSignal = {
  type: 'maintenance.changed';
  entityRef: string;
};

/**
 * Where a webhook delivery is: waiting (or retrying), or set aside after its last attempt.
 *
 * @public
 */
export type DeliveryStatus = 'pending' | 'failed';

/**
 * A webhook delivery that is not (yet) an alert (`GET /deliveries`): its
 * processing failed and is retried with backoff, or was given up after the
 * last attempt.
 *
 * @public
 */
export type InboxDeliverySummary = {
  id: string;
  source: string;
  kind: string;
  status: DeliveryStatus;
  attempts: number;
  /** The last attempt's error. */
  error: string | null;
  receivedAt: string;
  lastAttemptAt: string | null;
  /** When a pending delivery is tried again. */
  nextAttemptAt: string | null;
  /** The System named on the webhook URL, if any. */
  entityRef: string | null;
  /** The start of the raw body, for a first look. */
  excerpt: string;
};

/**
 * Message on the operators' signal channel when unrouted alerts or failed deliveries change.
 *
 * @public
 */
export type OperationsSignal = {
  type: 'operations.changed';
};
