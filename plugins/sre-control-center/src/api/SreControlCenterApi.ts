import { createApiRef } from '@backstage/core-plugin-api';
import type {
  Alert,
  AlertChangeResult,
  AlertEvent,
  ApproveRunRequest,
  CostSummary,
  Escalation,
  EscalationState,
  HealthResponse,
  InboxDeliverySummary,
  OnCallResponse,
  ListAlertsRequest,
  ListDeliveriesRequest,
  ListUnroutedAlertsRequest,
  MaintenanceWindow,
  Page,
  RequestRunRequest,
  Runbook,
  RunbookRun,
  StackSnapshot,
  StartMaintenanceRequest,
  TimelineEntry,
  UnroutedAlert,
  CreatedIssue,
  IssueList,
} from '@sre-control-center/plugin-sre-control-center-common';

// The request and answer types are -common's (the zod schemas' input types
// for requests), re-exported here for callers of this API.
export type {
  AlertChangeResult,
  ListAlertsRequest,
  ListDeliveriesRequest,
  ListUnroutedAlertsRequest,
  RequestRunRequest,
  StartMaintenanceRequest,
} from '@sre-control-center/plugin-sre-control-center-common';

/**
 * Body of `POST /runs/:id/approve`.
 *
 * @public
 */
export type ApproveRunOptions = ApproveRunRequest;

/**
 * The SRE Control Center backend, as the frontend sees it.
 *
 * @public
 */
export interface SreControlCenterApi {
  health(): Promise<HealthResponse>;
  listAlerts(request: ListAlertsRequest): Promise<Page<Alert>>;
  /** Acknowledges the alert in Azure and here. */
  acknowledgeAlert(id: string, comment?: string): Promise<AlertChangeResult>;
  /** Closes the alert in Azure and here. */
  closeAlert(id: string, comment?: string): Promise<AlertChangeResult>;
  /** What happened to the alert, oldest first: fired, acknowledged by whom, … */
  getAlertHistory(id: string): Promise<AlertEvent[]>;
  /** This month's cost against the budget; undefined until the first refresh. */
  getCosts(entityRef: string): Promise<CostSummary | undefined>;
  /** Active maintenance windows; undefined when the System has no Azure resource group. */
  listMaintenance(entityRef: string): Promise<MaintenanceWindow[] | undefined>;
  /** Creates the Azure alert processing rule that silences the System. */
  startMaintenance(
    request: StartMaintenanceRequest,
  ): Promise<MaintenanceWindow>;
  /** Ends a window now (deletes its rule in Azure). */
  endMaintenance(entityRef: string, name: string): Promise<void>;
  /** The runbooks configured for the System and which open alerts trigger them. */
  listRunbooks(entityRef: string): Promise<Runbook[]>;
  /** The System's runs, newest first, each with the caller's right to decide it. */
  listRuns(entityRef: string, limit?: number): Promise<RunbookRun[]>;
  /** Requests a run; runbooks without approvals execute at once. */
  requestRun(request: RequestRunRequest): Promise<RunbookRun>;
  /** Approves a pending run; 409 when it was decided already or breaks the budget. */
  approveRun(id: string, options?: ApproveRunOptions): Promise<RunbookRun>;
  rejectRun(id: string, comment?: string): Promise<RunbookRun>;
  /** The System's alerts, runs and issues as one story, newest first. */
  getTimeline(entityRef: string): Promise<TimelineEntry[]>;
  /**
   * The System's provisioned stack from the backend's last snapshot (page
   * views make no Azure call); undefined until its first refresh.
   */
  getStack(entityRef: string): Promise<StackSnapshot | undefined>;
  /** Alerts no System claims, with what would route them (operators: `sre-control-center.delivery.read`). */
  listUnroutedAlerts(
    request?: ListUnroutedAlertsRequest,
  ): Promise<Page<UnroutedAlert>>;
  /** Webhook deliveries that failed or wait for a retry (operators: `sre-control-center.delivery.read`). */
  listDeliveries(
    request?: ListDeliveriesRequest,
  ): Promise<Page<InboxDeliverySummary>>;
  /** Makes a failed or pending delivery due now (operators: `sre-control-center.delivery.manage`). */
  retryDelivery(id: string): Promise<InboxDeliverySummary>;
  /** The System's GitHub issues (the SRE agent's, labelled, opened here) with their alerts. */
  listIssues(entityRef: string): Promise<IssueList>;
  /** Opens a GitHub issue for the alert, or answers the one it has (`created: false`). */
  openIssue(alertId: string): Promise<CreatedIssue>;
  /** The System's escalations with their attempts, newest first. */
  listEscalations(
    entityRef: string,
    state?: EscalationState,
  ): Promise<Escalation[]>;
  /** Ends an active escalation (the alert stays as it is). */
  stopEscalation(id: string, reason?: string): Promise<Escalation>;
  /** Who is on call now and next for the System, and whether the caller may stop escalations. */
  getOnCall(entityRef: string): Promise<OnCallResponse>;
}

/** @public */
export const sreControlCenterApiRef = createApiRef<SreControlCenterApi>({
  id: 'plugin.sre-control-center.client',
});
