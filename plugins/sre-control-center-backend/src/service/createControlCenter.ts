import type {
  RootConfigService,
  AuditorService,
  AuthService,
  DiscoveryService,
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import type { SignalsService } from '@backstage/plugin-signals-node';
import { randomUUID } from 'node:crypto';
import { createArmAccess } from '../adapters/azure/armAccess';
import { AzureAlertProcessingRules } from '../adapters/azure/AzureAlertProcessingRules';
import { AzureAlertRules } from '../adapters/azure/AzureAlertRules';
import { AzureAlertSource } from '../adapters/azure/AzureAlertSource';
import { AzureCostSource } from '../adapters/azure/AzureCostSource';
import { AzureResourceStates } from '../adapters/azure/AzureResourceStates';
import { AzureRunbookActions } from '../adapters/azure/AzureRunbookActions';
import { AzureStackMetrics } from '../adapters/azure/AzureStackMetrics';
import { DEFAULT_PLAN_PRICES_EUR } from '../adapters/azure/planTiers';
import { CatalogProjectPeople } from '../adapters/catalog/CatalogProjectPeople';
import { CatalogProjectResolver } from '../adapters/catalog/CatalogProjectResolver';
import { ProjectNotifications } from '../adapters/notifications/ProjectNotifications';
import { CatalogStackInventory } from '../adapters/catalog/CatalogStackInventory';
import { CatalogSystemRepositories } from '../adapters/catalog/CatalogSystemRepositories';
import { FileCostEstimates } from '../adapters/files/FileCostEstimates';
import { createIssueArea } from './issueArea';
import { decodeDelivery } from '../adapters/decodeDelivery';
import { PostgresQueryAction } from '../adapters/postgres/PostgresQueryAction';
import { RunbookActionRunner } from '../adapters/RunbookActionRunner';
import type { SreControlCenterConfig } from '../config';
import {
  AlertCommands,
  AlertIntake,
  AlertReconciler,
  AlertRouter,
  UnroutedAlertRouter,
} from '../domain/alerts';
import { AlertFanout } from '../domain/alerts/AlertFanout';
import { BackgroundAlertListener } from '../domain/alerts/BackgroundAlertListener';
import { budgetFromSnapshots } from '../domain/costs/budgetFromSnapshots';
import { CostRefresher } from '../domain/costs/CostRefresher';
import {
  DeploymentRecorder,
  DeploymentTimelineSource,
} from '../domain/deployments';
import { InboxProcessor } from '../domain/inbox/InboxProcessor';
import { MaintenanceWindows } from '../domain/maintenance';
import {
  RunbookCatalog,
  RunDecisions,
  RunExecutor,
  RunRequests,
  RunSweeper,
} from '../domain/runbooks';
import { RunbookTriggers } from '../domain/runbooks/RunbookTriggers';
import { StackReader } from '../domain/stack/StackReader';
import type { SreControlCenterStore } from '../store/SreControlCenterStore';
import { BackstageAuditMirror } from './BackstageAuditMirror';
import { createEscalation } from './createEscalation';
import { SignalProjectPublisher } from './SignalProjectPublisher';
import { SystemAccess } from './systemAccess';

export interface ControlCenterDeps {
  settings: SreControlCenterConfig;
  store: SreControlCenterStore;
  logger: LoggerService;
  auth: AuthService;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  auditor: AuditorService;
  catalog: CatalogService;
  signals: SignalsService;
  discovery: DiscoveryService;
  config: RootConfigService;
  notifications: NotificationService;
}

/**
 * The composition root: the domain services on the store and the Azure,
 * catalog and signal adapters, as configured. Everything here is
 * construction; behaviour lives in the classes it connects.
 */
export async function createControlCenter(deps: ControlCenterDeps) {
  const { settings, store, logger } = deps;
  const instanceId = randomUUID();
  const arm = createArmAccess(settings.azure.endpoint);
  const projects = new CatalogProjectResolver(deps.catalog, deps.auth);
  const publisher = new SignalProjectPublisher(deps.signals);
  const mirror = new BackstageAuditMirror(deps.auditor, logger);
  const access = new SystemAccess({
    httpAuth: deps.httpAuth,
    permissions: deps.permissions,
    catalog: deps.catalog,
  });

  const issueArea = await createIssueArea({
    ...deps,
    publisher,
    mirror,
    holder: instanceId,
  });

  // What needs a person also goes to the notification bell: runs waiting
  // for approval, failed runs, the budget at 80 % and 100 %.
  const notifying = new ProjectNotifications({
    inner: publisher,
    notifications: deps.notifications,
    people: new CatalogProjectPeople(deps.catalog, deps.auth),
    costs: store.costs,
    approvers: settings.approvals.approvers,
    onError: error => logger.warn(`Notification not sent: ${error}`),
  });

  const costRefresher = new CostRefresher({
    projects,
    source: new AzureCostSource(arm),
    store: store.costs,
    publisher: notifying,
  });

  // Runbooks: catalog, requests, decisions, execution, sweeps.
  const runbookCatalog = RunbookCatalog.fromConfig(settings.runbooks);
  const azureActions = new AzureRunbookActions(arm);
  const announcer = {
    publisher: notifying,
    mirror,
    onError: (error: unknown) =>
      logger.warn(`Runbook run update not pushed: ${error}`),
  };
  const executor = new RunExecutor({
    ...announcer,
    store: store.runs,
    projects,
    runner: new RunbookActionRunner({
      restart: azureActions,
      scale: azureActions,
      rollback: azureActions,
      execute_query: new PostgresQueryAction(
        settings.postgresServers,
        arm.credential,
      ),
    }),
    instanceId,
    onError: error =>
      logger.error('Runbook run failed to execute', error as Error),
  });
  const execute = (runId: string) => executor.start(runId);
  const requests = new RunRequests({
    ...announcer,
    catalog: runbookCatalog,
    store: store.runs,
    pendingExpiryMinutes: settings.approvals.pendingExpiryMinutes,
    execute,
  });
  const prices = { ...DEFAULT_PLAN_PRICES_EUR, ...settings.planPrices };
  const decisions = new RunDecisions({
    ...announcer,
    store: store.runs,
    projects,
    distinctApprover: settings.approvals.distinctApprover,
    execute,
    budgetCheck: {
      plans: azureActions,
      monthlyPrice: sku => prices[sku],
      budget: budgetFromSnapshots(store.costs),
    },
  });
  const runSweeper = new RunSweeper({
    ...announcer,
    store: store.runs,
    projects,
    requests,
    execute,
    alerts: store.alerts,
  });

  // On-call escalation: started and ended by alert changes; a key press
  // acknowledges through the commands below (which exist after the listener).
  const late: { commands?: AlertCommands; maintenance?: MaintenanceWindows } =
    {};
  const escalation = createEscalation({
    config: settings.escalation,
    store: store.escalations,
    alerts: store.alerts,
    commands: () => late.commands!,
    maintenance: () => late.maintenance!,
    catalog: deps.catalog,
    auth: deps.auth,
    notifications: deps.notifications,
    publisher,
    mirror,
    logger,
    holder: instanceId,
    callbackBaseUrl: () =>
      deps.discovery.getExternalBaseUrl('sre-control-center'),
  });

  // Alerts: what happens when they change, where they come from, commands.
  const passOnFailed = (error: unknown) =>
    logger.warn(`An alert change was not passed on: ${error}`);
  const listener = new AlertFanout(
    [
      new BackgroundAlertListener(publisher, passOnFailed),
      new RunbookTriggers(requests, runSweeper),
      // Ends are awaited (a key press ends its escalation in the caller's
      // name); starts, which ask Azure about maintenance, run in the engine's
      // own background, so a slow Azure never holds up the inbox.
      escalation.engine,
    ],
    passOnFailed,
  );
  const alertStore = { alerts: store.alerts, ledger: store.alerts };
  const processor = new InboxProcessor({
    queue: store.inbox,
    holder: instanceId,
    handlers: [
      issueArea.deliveries,
      new AlertIntake({
        ...alertStore,
        router: new AlertRouter(projects),
        decode: decodeDelivery,
        budgets: costRefresher,
        listener,
      }),
    ],
    onError: error =>
      logger.error('Processing webhook deliveries failed', error as Error),
    onGivenUp: (delivery, error) => {
      logger.warn(
        `Webhook delivery ${delivery.id} (${delivery.source}) set aside after ${delivery.attempts} attempts: ${error}`,
      );
      publisher.operationsChanged().catch(() => undefined);
    },
  });
  const source = new AzureAlertSource(arm);
  const commands = new AlertCommands({
    ...alertStore,
    source,
    projects,
    listener,
    mirror,
  });
  late.commands = commands;
  const reconciler = new AlertReconciler({
    ...alertStore,
    projects,
    source,
    listener,
  });
  const unroutedRouter = new UnroutedAlertRouter({
    projects,
    unrouted: store.alerts,
    listener,
  });
  const maintenance = new MaintenanceWindows({
    projects,
    suppressions: new AzureAlertProcessingRules(arm),
    audit: store.audit,
    mirror,
    publisher,
  });
  late.maintenance = maintenance;

  // The stack card: Azure read on a schedule into snapshots, served from there.
  const webhookUrl = `${await deps.discovery.getExternalBaseUrl(
    'sre-control-center',
  )}/webhooks/azure-monitor`;
  const stack = new StackReader({
    projects,
    inventory: new CatalogStackInventory(deps.catalog, deps.auth),
    states: new AzureResourceStates(arm),
    metrics: new AzureStackMetrics(arm),
    alertRules: new AzureAlertRules(arm),
    estimates: new FileCostEstimates(
      settings.terraform.outputs.flatMap(o =>
        o.costEstimate ? [{ system: o.system, file: o.costEstimate }] : [],
      ),
    ),
    costs: store.costs,
    history: store.firingHistory,
    store: store.stackSnapshots,
    webhookUrls: [webhookUrl],
    publisher,
  });
  const deployments = new DeploymentRecorder({
    store: store.deployments,
    systems: new CatalogSystemRepositories(deps.catalog, deps.auth),
    publisher,
  });

  return {
    access,
    projects,
    stack,
    deployments,
    timelineSources: [
      new DeploymentTimelineSource(store.deployments),
      issueArea.timeline,
    ],
    issues: issueArea,
    escalations: escalation.engine,
    phoneWebhooks: escalation.webhooks,
    processor,
    commands,
    reconciler,
    unroutedRouter,
    maintenance,
    costRefresher,
    runbooks: {
      catalog: runbookCatalog,
      runs: store.runs,
      requests,
      decisions,
      distinctApprover: settings.approvals.distinctApprover,
    },
    runSweeper,
    /** Tells the operators' pages that deliveries or unrouted alerts changed. */
    operationsChanged: () => publisher.operationsChanged(),
  };
}

export type ControlCenter = ReturnType<typeof createControlCenter>;
