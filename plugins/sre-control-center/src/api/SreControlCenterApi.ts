import { createApiRef } from '@backstage/core-plugin-api';
import type {
  Alert,
  AlertEvent,
  CostSummary,
  AlertSeverity,
  AlertState,
  HealthResponse,
  MaintenanceWindow,
  Page,
  Runbook,
  RunbookRun,
  TimelineEntry,
} from '@sre-control-center/plugin-sre-control-center-common';

export interface ListAlertsRequest {
  entityRef: string;
  state?: AlertState;
  severity?: AlertSeverity;
  limit?: number;
  cursor?: string;
  /** Only alerts updated after this ISO time (catch-up after missed signals). */
  changedSince?: string;
}

/** Answer of acknowledge/close: the alert after the change, and whether anything changed. */
export interface AlertChangeResult {
  alert: Alert;
  changed: boolean;
}

/** Body of `POST /runs`: request a run of one runbook by hand. */
export interface RequestRunRequest {
  entityRef: string;
  runbookId: string;
  reason?: string;
}

/** Body of `POST /runs/:id/approve`. */
export interface ApproveRunOptions {
  comment?: string;
  /** Needed when scaling would push the forecast over the budget. */
  confirmOverBudget?: boolean;
}

/** Body of `POST /maintenance`: silence the System's alerts for a while. */
export interface StartMaintenanceRequest {
  entityRef: string;
  /** 5 to 1440. */
  minutes: number;
  reason: string;
}

/** The SRE Control Center backend, as the frontend sees it. */
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
}

export const sreControlCenterApiRef = createApiRef<SreControlCenterApi>({
  id: 'plugin.sre-control-center.client',
});
