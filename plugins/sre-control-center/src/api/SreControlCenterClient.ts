import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import type {
  Alert,
  AlertEvent,
  CostSummary,
  Escalation,
  EscalationState,
  HealthResponse,
  InboxDeliverySummary,
  ListDeliveriesRequest,
  ListUnroutedAlertsRequest,
  OnCallResponse,
  MaintenanceWindow,
  UnroutedAlert,
  Page,
  Runbook,
  RunbookRun,
  StackSnapshot,
  TimelineEntry,
  AlertChangeResult,
  RequestRunRequest,
  ListAlertsRequest,
  StartMaintenanceRequest,
  CreatedIssue,
  IssueList,
} from '@sre-control-center/plugin-sre-control-center-common';
import type {
  ApproveRunOptions,
  SreControlCenterApi,
} from './SreControlCenterApi';

/** A query string of the defined values of a request. */
function toQuery(request: object): URLSearchParams {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(request)) {
    if (value !== undefined) query.set(key, String(value));
  }
  return query;
}

/**
 * HTTP client for `/api/sre-control-center`, authenticated by the app's fetchApi.
 *
 * @public
 */
export class SreControlCenterClient implements SreControlCenterApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;
  /**
   * GETs asked for in this task, by path: cards that show the same list (the
   * feed's issue chips and the issues card) share one request when they
   * load together.
   */
  private readonly inFlight = new Map<string, Promise<unknown>>();

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  health(): Promise<HealthResponse> {
    return this.get('/health');
  }

  listAlerts(request: ListAlertsRequest): Promise<Page<Alert>> {
    return this.get(`/alerts?${toQuery(request)}`);
  }

  acknowledgeAlert(id: string, comment?: string): Promise<AlertChangeResult> {
    return this.post(
      `/alerts/${encodeURIComponent(id)}/acknowledge`,
      comment ? { comment } : {},
    );
  }

  closeAlert(id: string, comment?: string): Promise<AlertChangeResult> {
    return this.post(
      `/alerts/${encodeURIComponent(id)}/close`,
      comment ? { comment } : {},
    );
  }

  async getAlertHistory(id: string): Promise<AlertEvent[]> {
    const page = await this.get<{ items: AlertEvent[] }>(
      `/alerts/${encodeURIComponent(id)}/events`,
    );
    return page.items;
  }

  async getCosts(entityRef: string): Promise<CostSummary | undefined> {
    try {
      return await this.get<CostSummary>(
        `/costs?${new URLSearchParams({ entityRef })}`,
      );
    } catch (error) {
      if (error instanceof ResponseError && error.response.status === 404)
        return undefined;
      throw error;
    }
  }

  async listRunbooks(entityRef: string): Promise<Runbook[]> {
    const page = await this.get<{ items: Runbook[] }>(
      `/runbooks?${new URLSearchParams({ entityRef })}`,
    );
    return page.items;
  }

  async listRuns(entityRef: string, limit?: number): Promise<RunbookRun[]> {
    const query = new URLSearchParams({ entityRef });
    if (limit !== undefined) query.set('limit', String(limit));
    const page = await this.get<{ items: RunbookRun[] }>(`/runs?${query}`);
    return page.items;
  }

  requestRun(request: RequestRunRequest): Promise<RunbookRun> {
    return this.post('/runs', request);
  }

  approveRun(id: string, options: ApproveRunOptions = {}): Promise<RunbookRun> {
    return this.post(`/runs/${encodeURIComponent(id)}/approve`, options);
  }

  rejectRun(id: string, comment?: string): Promise<RunbookRun> {
    return this.post(
      `/runs/${encodeURIComponent(id)}/reject`,
      comment ? { comment } : {},
    );
  }

  async getTimeline(entityRef: string): Promise<TimelineEntry[]> {
    const page = await this.get<{ items: TimelineEntry[] }>(
      `/timeline?${new URLSearchParams({ entityRef })}`,
    );
    return page.items;
  }

  listIssues(entityRef: string): Promise<IssueList> {
    return this.get(`/issues?${new URLSearchParams({ entityRef })}`);
  }

  openIssue(alertId: string): Promise<CreatedIssue> {
    return this.post(`/alerts/${encodeURIComponent(alertId)}/issue`, {});
  }

  getStack(entityRef: string): Promise<StackSnapshot | undefined> {
    // 404: no snapshot yet (the first scheduled refresh has not run).
    return this.getOrUndefined(`/stack?${new URLSearchParams({ entityRef })}`);
  }

  listUnroutedAlerts(
    request: ListUnroutedAlertsRequest = {},
  ): Promise<Page<UnroutedAlert>> {
    return this.get(`/alerts?${toQuery({ unrouted: 'true', ...request })}`);
  }

  listDeliveries(
    request: ListDeliveriesRequest = {},
  ): Promise<Page<InboxDeliverySummary>> {
    return this.get(`/deliveries?${toQuery(request)}`);
  }

  retryDelivery(id: string): Promise<InboxDeliverySummary> {
    return this.post(`/deliveries/${encodeURIComponent(id)}/retry`, {});
  }

  async listMaintenance(
    entityRef: string,
  ): Promise<MaintenanceWindow[] | undefined> {
    try {
      const page = await this.get<{ items: MaintenanceWindow[] }>(
        `/maintenance?${new URLSearchParams({ entityRef })}`,
      );
      return page.items;
    } catch (error) {
      // 404: the System has no Azure resource group, so nothing to silence.
      if (error instanceof ResponseError && error.response.status === 404)
        return undefined;
      throw error;
    }
  }

  startMaintenance(
    request: StartMaintenanceRequest,
  ): Promise<MaintenanceWindow> {
    return this.post('/maintenance', request);
  }

  async endMaintenance(entityRef: string, name: string): Promise<void> {
    const baseUrl = await this.discoveryApi.getBaseUrl('sre-control-center');
    // 204 without a body, so not through request().
    const response = await this.fetchApi.fetch(
      `${baseUrl}/maintenance/${encodeURIComponent(name)}?${new URLSearchParams(
        { entityRef },
      )}`,
      { method: 'DELETE' },
    );
    if (!response.ok) throw await ResponseError.fromResponse(response);
  }

  async listEscalations(
    entityRef: string,
    state?: EscalationState,
  ): Promise<Escalation[]> {
    const query = new URLSearchParams({ entityRef });
    if (state) query.set('state', state);
    const page = await this.get<{ items: Escalation[] }>(
      `/escalations?${query}`,
    );
    return page.items;
  }

  stopEscalation(id: string, reason?: string): Promise<Escalation> {
    return this.post(
      `/escalations/${encodeURIComponent(id)}/stop`,
      reason ? { reason } : {},
    );
  }

  getOnCall(entityRef: string): Promise<OnCallResponse> {
    return this.get(`/oncall?${new URLSearchParams({ entityRef })}`);
  }

  private async getOrUndefined<T>(path: string): Promise<T | undefined> {
    try {
      return await this.get<T>(path);
    } catch (error) {
      if (error instanceof ResponseError && error.response.status === 404)
        return undefined;
      throw error;
    }
  }

  private get<T>(path: string): Promise<T> {
    const pending = this.inFlight.get(path);
    if (pending) return pending as Promise<T>;
    const request = this.request<T>(path);
    this.inFlight.set(path, request);
    // Only callers asking together (cards mounting in one commit) share: a
    // later ask, e.g. a reload after a signal or a POST, gets a fresh answer.
    setTimeout(() => {
      if (this.inFlight.get(path) === request) this.inFlight.delete(path);
    }, 0);
    return request;
  }

  private post<T>(path: string, body: object): Promise<T> {
    return this.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  }

  private async request<T>(path: string, init?: RequestInit): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('sre-control-center');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, init);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
