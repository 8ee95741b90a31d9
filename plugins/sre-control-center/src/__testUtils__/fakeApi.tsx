import type { Entity } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import type {
  Alert,
  AlertEvent,
  CostSummary,
  Escalation,
  MaintenanceWindow,
  OnCallResponse,
  Page,
  Runbook,
  RunbookRun,
  InboxDeliverySummary,
  StackSnapshot,
  TimelineEntry,
  UnroutedAlert,
  IssueList,
  CreatedIssue,
} from '@sre-control-center/plugin-sre-control-center-common';
import type { SreControlCenterApi } from '../api';

/** The Mindful Moments System as catalog-info.yaml declares it. */
export const mindfulMomentsSystem: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'System',
  metadata: {
    name: 'mindful-moments',
    namespace: 'default',
    annotations: {
      'sre-control-center/azure-resource-group':
        '/subscriptions/3f2b8c1e-7d4a-4e5b-9c6f-1a2b3c4d5e6f/resourceGroups/rg-mindful-moments-dev',
      'sre-control-center/budget': 'budget-mindful-moments-dev',
      'github.com/project-slug': 'mindful-moments/mindful-moments',
    },
  },
  spec: { owner: 'group:default/mindful-moments-team' },
};

/** An in-memory API whose alert list the test decides; records what was asked. */
export function fakeApi(
  alerts: Alert[] = [],
  costs?: CostSummary,
): SreControlCenterApi & {
  requests: unknown[];
  /** What getAlertHistory answers, by alert id; tests fill it in. */
  alertHistory: Record<string, AlertEvent[]>;
  /** What getStack answers (undefined: no snapshot yet); tests set it. */
  stackState: { snapshot?: StackSnapshot };
  /** What the operators' routes answer; retryDelivery makes a delivery pending. */
  operationsState: {
    unrouted: UnroutedAlert[];
    deliveries: InboxDeliverySummary[];
  };
  /** What listIssues answers and openIssue does; tests set them. */
  issueState: {
    list?: IssueList;
    open?: (alertId: string) => Promise<CreatedIssue>;
  };
  /** What the escalation routes answer; tests fill it in. */
  escalationState: { escalations: Escalation[]; onCall?: OnCallResponse };
} & FakeRunbookApi &
  FakeMaintenanceApi {
  const requests: unknown[] = [];
  const alertHistory: Record<string, AlertEvent[]> = {};
  const stackState: { snapshot?: StackSnapshot } = {};
  const operationsState = {
    unrouted: [] as UnroutedAlert[],
    deliveries: [] as InboxDeliverySummary[],
  };
  const issueState: {
    list?: IssueList;
    open?: (alertId: string) => Promise<CreatedIssue>;
  } = {};
  const escalationState: {
    escalations: Escalation[];
    onCall?: OnCallResponse;
  } = { escalations: [] };
  return {
    requests,
    alertHistory,
    stackState,
    operationsState,
    async listUnroutedAlerts(request) {
      requests.push({ unrouted: request ?? {} });
      return { items: operationsState.unrouted, nextCursor: null };
    },
    async listDeliveries(request) {
      requests.push({ deliveries: request ?? {} });
      const status = request?.status ?? 'failed';
      return {
        items: operationsState.deliveries.filter(d => d.status === status),
        nextCursor: null,
      };
    },
    async retryDelivery(id) {
      requests.push({ retryDelivery: id });
      const delivery = operationsState.deliveries.find(d => d.id === id);
      if (!delivery) throw new Error(`no delivery ${id}`);
      delivery.status = 'pending';
      delivery.attempts = 0;
      delivery.nextAttemptAt = new Date().toISOString();
      return { ...delivery };
    },
    issueState,
    async listIssues(entityRef) {
      requests.push({ issues: entityRef });
      return (
        issueState.list ?? {
          entityRef,
          repository: 'mindful-moments/mindful-moments',
          items: [],
          syncedAt: null,
          lastError: null,
          closedWindowDays: 30,
        }
      );
    },
    async openIssue(alertId) {
      requests.push({ openIssue: alertId });
      if (!issueState.open) throw new Error('openIssue not set up');
      return issueState.open(alertId);
    },
    escalationState,
    async listEscalations(entityRef, state) {
      requests.push({ escalations: entityRef, state });
      return escalationState.escalations.filter(
        e => !state || e.state === state,
      );
    },
    async stopEscalation(id, reason) {
      requests.push({ stop: id, reason });
      const escalation = escalationState.escalations.find(e => e.id === id)!;
      const stopped: Escalation = {
        ...escalation,
        state: 'stopped',
        endedBy: 'user:default/guest',
        endedAt: new Date().toISOString(),
      };
      escalationState.escalations = escalationState.escalations.map(e =>
        e.id === id ? stopped : e,
      );
      return stopped;
    },
    async getOnCall(entityRef) {
      requests.push({ onCall: entityRef });
      return (
        escalationState.onCall ?? { entityRef, schedules: [], canStop: false }
      );
    },
    async getStack(entityRef) {
      requests.push({ stack: entityRef });
      return stackState.snapshot;
    },
    async getAlertHistory(id) {
      requests.push({ history: id });
      return alertHistory[id] ?? [];
    },
    ...fakeRunbookApi(requests),
    ...fakeMaintenanceApi(requests),
    async health() {
      return { status: 'ok' };
    },
    async listAlerts(request): Promise<Page<Alert>> {
      requests.push(request);
      // Filters as the backend applies them; one page holds everything.
      const items = alerts.filter(
        a =>
          (!request.state || a.state === request.state) &&
          (!request.severity || a.severity === request.severity) &&
          (!request.changedSince || a.updatedAt > request.changedSince),
      );
      return { items, nextCursor: null };
    },
    async acknowledgeAlert(id) {
      requests.push({ acknowledge: id });
      const alert = alerts.find(a => a.id === id)!;
      return {
        alert: {
          ...alert,
          state: 'Acknowledged',
          updatedAt: new Date().toISOString(),
        },
        changed: true,
      };
    },
    async getCosts(entityRef) {
      requests.push({ costs: entityRef });
      return costs;
    },
    async closeAlert(id) {
      requests.push({ close: id });
      const alert = alerts.find(a => a.id === id)!;
      return {
        alert: {
          ...alert,
          state: 'Closed',
          updatedAt: new Date().toISOString(),
        },
        changed: true,
      };
    },
  };
}

export const sampleAlert: Alert = {
  id: '/subscriptions/3f2b8c1e-7d4a-4e5b-9c6f-1a2b3c4d5e6f/providers/microsoft.alertsmanagement/alerts/1',
  entityRef: 'system:default/mindful-moments',
  routing: 'resource-group',
  name: 'alert-high-response-time',
  severity: 'Sev2',
  state: 'New',
  monitorCondition: 'Fired',
  targetResourceId: null,
  description: null,
  firedAt: '2026-11-28T10:00:00.000Z',
  resolvedAt: null,
  updatedAt: '2026-11-28T10:00:00.000Z',
};

export const sampleCosts: CostSummary = {
  entityRef: 'system:default/mindful-moments',
  currency: 'EUR',
  period: { from: '2026-11-01', to: '2026-11-30' },
  monthToDate: 101.5,
  forecast: 131.2,
  budget: {
    name: 'budget-mindful-moments-dev',
    amount: 120,
    percentUsed: 84.58,
    forecastPercent: 109.33,
    thresholds: [
      { percent: 80, basis: 'Actual', crossed: true },
      { percent: 100, basis: 'Actual', crossed: false },
    ],
  },
  byService: [
    { name: 'Azure App Service', cost: 48.1 },
    { name: 'Azure Database for PostgreSQL', cost: 38.4 },
  ],
  byResource: [
    {
      resourceId:
        '/subscriptions/s/resourcegroups/rg/providers/microsoft.web/serverfarms/asp-mindful-moments-dev',
      name: 'asp-mindful-moments-dev',
      cost: 48.1,
    },
  ],
  daily: [{ date: '2026-11-01', cost: 4.1 }],
  refreshedAt: '2026-11-28T10:00:00.000Z',
  lastError: null,
};

/** Two of the Mindful Moments Resources, as catalog-info.yaml declares them. */
export const mindfulMomentsResources = [
  'app-mindful-moments-dev',
  'psql-mindful-moments-dev',
].map(name => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name,
    namespace: 'default',
    annotations: {
      'sre-control-center/azure-resource-id': `/subscriptions/s/resourceGroups/rg/providers/x/${name}`,
    },
  },
  spec: {
    type: name.startsWith('app')
      ? 'azure-app-service'
      : 'azure-postgresql-flexible-server',
    system: 'mindful-moments',
  },
}));

/** The System with hasPart relations to its Resources, as the catalog returns it. */
export const mindfulMomentsSystemWithParts: Entity = {
  ...mindfulMomentsSystem,
  relations: mindfulMomentsResources.map(r => ({
    type: 'hasPart',
    targetRef: `resource:default/${r.metadata.name}`,
  })),
};

/** The scale runbook of app-config.yaml, as `GET /runbooks` returns it. */
export const scaleRunbook: Runbook = {
  id: 'scale-app-service-plan-b1-to-b2',
  name: 'Scale App Service plan B1 to B2',
  description: null,
  trigger: { alert: 'alert-high-cpu' },
  condition: 'CPU above 80 % for 10 minutes',
  actions: [
    {
      type: 'scale',
      resource: 'asp-mindful-moments-dev',
      target_sku: 'B2',
      approval_required: true,
    },
  ],
  requiresApproval: true,
  cooldownMinutes: 30,
  triggeredBy: [],
};

/** The restart runbook of app-config.yaml: runs without an approval. */
export const restartRunbook: Runbook = {
  id: 'restart-app-service-on-high-response-time',
  name: 'Restart App Service on High Response Time',
  description: null,
  trigger: { alert: 'alert-high-response-time' },
  condition: null,
  actions: [
    {
      type: 'restart',
      resource: 'app-mindful-moments-dev',
      approval_required: false,
    },
  ],
  requiresApproval: false,
  cooldownMinutes: 15,
  triggeredBy: [],
};

/** A scale run an alert started, waiting for an approval the caller may give. */
export const sampleRun: RunbookRun = {
  id: 'run-1',
  entityRef: 'system:default/mindful-moments',
  runbookId: scaleRunbook.id,
  runbookName: scaleRunbook.name,
  status: 'pending_approval',
  requiresApproval: true,
  requestedBy: 'automation',
  requestedAt: '2026-11-28T10:00:00.000Z',
  reason: null,
  triggerAlert: { id: 'alert-1', name: 'alert-high-cpu' },
  expiresAt: '2026-11-28T11:00:00.000Z',
  decidedBy: null,
  decidedAt: null,
  decisionComment: null,
  startedAt: null,
  finishedAt: null,
  results: [],
  error: null,
  outcome: null,
  firings: 1,
  decision: { allowed: true, reason: null },
};

/** What the fake runbook routes answer; tests change it before rendering. */
export type FakeRunbookState = {
  runbooks: Runbook[];
  runs: RunbookRun[];
  timeline: TimelineEntry[];
};

type RunbookMethods =
  | 'listRunbooks'
  | 'listRuns'
  | 'requestRun'
  | 'approveRun'
  | 'rejectRun'
  | 'getTimeline';

export type FakeRunbookApi = Pick<SreControlCenterApi, RunbookMethods> & {
  runbookState: FakeRunbookState;
};

/**
 * The runbook routes of the fake API: answers from `runbookState` and records
 * each call in `requests`. Approve and reject return the run decided by
 * `user:default/approver`; a test that needs a failure replaces the method.
 */
export function fakeRunbookApi(requests: unknown[]): FakeRunbookApi {
  const runbookState: FakeRunbookState = {
    runbooks: [],
    runs: [],
    timeline: [],
  };
  const decide = (
    id: string,
    status: RunbookRun['status'],
    comment?: string,
  ): RunbookRun => {
    const run = runbookState.runs.find(r => r.id === id);
    if (!run) throw new Error(`no run ${id}`);
    return {
      ...run,
      status,
      decidedBy: 'user:default/approver',
      decidedAt: new Date().toISOString(),
      decisionComment: comment ?? null,
      decision: { allowed: false, reason: 'The run was decided already' },
    };
  };
  return {
    runbookState,
    async listRunbooks(entityRef) {
      requests.push({ runbooks: entityRef });
      return runbookState.runbooks;
    },
    async listRuns(entityRef, limit) {
      requests.push({ runs: entityRef, limit });
      return runbookState.runs;
    },
    async requestRun(request) {
      requests.push({ requestRun: request });
      const runbook = runbookState.runbooks.find(
        r => r.id === request.runbookId,
      );
      if (!runbook) throw new Error(`no runbook ${request.runbookId}`);
      return {
        ...sampleRun,
        id: `run-${requests.length}`,
        runbookId: runbook.id,
        runbookName: runbook.name,
        requiresApproval: runbook.requiresApproval,
        status: runbook.requiresApproval ? 'pending_approval' : 'running',
        requestedBy: 'user:default/guest',
        requestedAt: new Date().toISOString(),
        reason: request.reason ?? null,
        triggerAlert: null,
      };
    },
    async approveRun(id, options) {
      requests.push({ approve: id, ...options });
      return decide(id, 'approved', options?.comment);
    },
    async rejectRun(id, comment) {
      requests.push({ reject: id, comment });
      return decide(id, 'rejected', comment);
    },
    async getTimeline(entityRef) {
      requests.push({ timeline: entityRef });
      return runbookState.timeline;
    },
  };
}

/**
 * The error the client throws for a failed request: the backend's JSON
 * error body (`{error:{name,message}}` plus Backstage's `response`) wrapped
 * in a ResponseError, as SreControlCenterClient builds it.
 */
export function responseError(
  status: number,
  name: string,
  message: string,
): Promise<ResponseError> {
  const body = JSON.stringify({
    error: { name, message },
    request: { method: 'POST', url: '/api/sre-control-center/runs/run-1' },
    response: { statusCode: status },
  });
  const headers = new Map([
    ['content-type', 'application/json; charset=utf-8'],
  ]);
  return ResponseError.fromResponse({
    ok: false,
    status,
    statusText: status === 409 ? 'Conflict' : 'Error',
    url: 'http://localhost/api/sre-control-center/runs/run-1/approve',
    type: 'basic',
    redirected: false,
    headers: headers as unknown as Headers,
    text: async () => body,
  });
}

/** What the fake maintenance routes answer; `connected: false` is a System without a resource group. */
export type FakeMaintenanceState = {
  connected: boolean;
  windows: MaintenanceWindow[];
};

export type FakeMaintenanceApi = Pick<
  SreControlCenterApi,
  'listMaintenance' | 'startMaintenance' | 'endMaintenance'
> & { maintenanceState: FakeMaintenanceState };

/** The maintenance routes of the fake API, keeping windows in memory like Azure keeps the rules. */
export function fakeMaintenanceApi(requests: unknown[]): FakeMaintenanceApi {
  const maintenanceState: FakeMaintenanceState = {
    connected: true,
    windows: [],
  };
  return {
    maintenanceState,
    async listMaintenance(entityRef) {
      requests.push({ maintenance: entityRef });
      return maintenanceState.connected
        ? [...maintenanceState.windows]
        : undefined;
    },
    async startMaintenance(request) {
      requests.push({ startMaintenance: request });
      const startedAt = new Date();
      const window: MaintenanceWindow = {
        name: `sre-cc-maintenance-${startedAt.getTime()}`,
        ruleId: `/subscriptions/s/resourceGroups/rg/providers/Microsoft.AlertsManagement/actionRules/sre-cc-maintenance-${startedAt.getTime()}`,
        entityRef: request.entityRef,
        reason: request.reason,
        startedBy: 'user:default/guest',
        startedAt: startedAt.toISOString(),
        endsAt: new Date(
          startedAt.getTime() + request.minutes * 60_000,
        ).toISOString(),
      };
      maintenanceState.windows.push(window);
      return window;
    },
    async endMaintenance(entityRef, name) {
      requests.push({ endMaintenance: name, entityRef });
      maintenanceState.windows = maintenanceState.windows.filter(
        w => w.name !== name,
      );
    },
  };
}

/** A window that silences Mindful Moments for another hour. */
export function sampleMaintenanceWindow(
  overrides: Partial<MaintenanceWindow> = {},
): MaintenanceWindow {
  const now = Date.now();
  return {
    name: 'sre-cc-maintenance-20261128t101500000z',
    ruleId:
      '/subscriptions/3f2b8c1e-7d4a-4e5b-9c6f-1a2b3c4d5e6f/resourceGroups/rg-mindful-moments-dev/providers/Microsoft.AlertsManagement/actionRules/sre-cc-maintenance-20261128t101500000z',
    entityRef: 'system:default/mindful-moments',
    reason: 'PostgreSQL major upgrade',
    startedBy: 'user:default/alex.sre',
    startedAt: new Date(now - 10 * 60_000).toISOString(),
    endsAt: new Date(now + 60 * 60_000).toISOString(),
    ...overrides,
  };
}
