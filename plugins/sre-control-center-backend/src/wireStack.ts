import type {
  AuthService,
  DiscoveryService,
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { Knex } from 'knex';
import type { ArmAccess } from './adapters/azure/armAccess';
import { AzureAlertRules } from './adapters/azure/AzureAlertRules';
import { AzureResourceStates } from './adapters/azure/AzureResourceStates';
import { AzureStackMetrics } from './adapters/azure/AzureStackMetrics';
import { CatalogStackInventory } from './adapters/catalog/CatalogStackInventory';
import { FileCostEstimates } from './adapters/files/FileCostEstimates';
import type { SreControlCenterConfig } from './config';
import type { CostSnapshotStore } from './domain/costs/ports';
import type { ProjectResolver } from './domain/projects';
import type { StackPublisher } from './domain/stack/ports';
import { StackReader } from './domain/stack/StackReader';
import { createStackRouter } from './service/stackRoutes';
import { DatabaseAlertFiringHistory } from './store/DatabaseAlertFiringHistory';
import { DatabaseStackSnapshots } from './store/DatabaseStackSnapshots';

export interface StackWiringOptions {
  db: Knex;
  settings: SreControlCenterConfig;
  arm: ArmAccess;
  catalog: CatalogService;
  auth: AuthService;
  discovery: DiscoveryService;
  projects: ProjectResolver;
  costs: CostSnapshotStore;
  publisher?: StackPublisher;
}

/**
 * The stack card's services: reader (Azure → snapshot store) and the
 * `GET /stack` router. Not wired into plugin.ts yet; see the seam in
 * docs/operations.md ("The stack card") and scheduleStackRefresh below.
 */
export async function wireStack(options: StackWiringOptions) {
  const webhookUrl = `${await options.discovery.getExternalBaseUrl(
    'sre-control-center',
  )}/webhooks/azure-monitor`;
  const reader = new StackReader({
    projects: options.projects,
    inventory: new CatalogStackInventory(options.catalog, options.auth),
    states: new AzureResourceStates(options.arm),
    metrics: new AzureStackMetrics(options.arm),
    alertRules: new AzureAlertRules(options.arm),
    estimates: new FileCostEstimates(
      options.settings.terraform.outputs.flatMap(o =>
        o.costEstimate ? [{ system: o.system, file: o.costEstimate }] : [],
      ),
    ),
    costs: options.costs,
    history: new DatabaseAlertFiringHistory(options.db),
    store: new DatabaseStackSnapshots(options.db),
    webhookUrls: [webhookUrl],
    publisher: options.publisher,
  });
  return {
    reader,
    router: (httpAuth: Parameters<typeof createStackRouter>[0]['httpAuth']) =>
      createStackRouter({ httpAuth, stack: reader }),
  };
}

/** Every 2 minutes, one replica at a time: 11 Azure calls per System and run, none per page view. */
export async function scheduleStackRefresh(options: {
  scheduler: SchedulerService;
  logger: LoggerService;
  reader: StackReader;
}) {
  await options.scheduler.scheduleTask({
    id: 'sre-control-center:refresh-stack',
    frequency: { minutes: 2 },
    timeout: { minutes: 2 },
    initialDelay: { seconds: 15 },
    fn: async () => {
      const report = await options.reader.refresh();
      for (const failure of report.failures) {
        options.logger.warn(
          `Reading the stack of ${failure.entityRef} failed: ${failure.error}`,
        );
      }
    },
  });
}
