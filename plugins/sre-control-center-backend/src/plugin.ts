import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import {
  sreControlCenterPermissions,
  type Alert,
} from '@sre-control-center/plugin-sre-control-center-common';
import { randomBytes } from 'node:crypto';
import { createArmAccess } from './adapters/azure/armAccess';
import { AzureAlertProcessingRules } from './adapters/azure/AzureAlertProcessingRules';
import { AzureAlertSource } from './adapters/azure/AzureAlertSource';
import { AzureCostSource } from './adapters/azure/AzureCostSource';
import { decodeDelivery } from './adapters/decodeDelivery';
import { CatalogProjectResolver } from './adapters/catalog/CatalogProjectResolver';
import { readSreControlCenterConfig } from './config';
import {
  AlertCommands,
  AlertReconciler,
  InboxProcessor,
} from './domain/alerts';
import { CostRefresher } from './domain/costs/CostRefresher';
import { MaintenanceWindows } from './domain/maintenance';
import { scheduleBackgroundTasks } from './service/backgroundTasks';
import { createRouter } from './service/router';
import { SignalProjectPublisher } from './service/SignalProjectPublisher';
import { DatabaseAlertStore } from './store/DatabaseAlertStore';
import { DatabaseAuditLog } from './store/DatabaseAuditLog';
import { DatabaseCostSnapshots } from './store/DatabaseCostSnapshots';
import { DatabaseInbox } from './store/DatabaseInbox';
import { DatabaseTimelineSource } from './store/DatabaseTimelineSource';
import { connectAndMigrate } from './store/migrations';
import { wireRunbooks } from './wireRunbooks';

/**
 * SRE Control Center backend plugin: wiring only. Core services in; store,
 * domain services and router out.
 */
export const sreControlCenterPlugin = createBackendPlugin({
  pluginId: 'sre-control-center',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        auth: coreServices.auth,
        auditor: coreServices.auditor,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        scheduler: coreServices.scheduler,
        catalog: catalogServiceRef,
        signals: signalsServiceRef,
      },
      async init(deps) {
        const { config, logger, database, auth, httpAuth, httpRouter } = deps;
        const settings = readSreControlCenterConfig(config);

        let webhookToken = settings.webhookToken;
        if (!webhookToken) {
          // Fine for one local backend; replicas must share a configured token.
          webhookToken = randomBytes(24).toString('base64url');
          logger.warn(
            `sreControlCenter.webhookToken is not set (SRE_CC_WEBHOOK_TOKEN); using a random development token for this run: ${webhookToken}`,
          );
        }

        const db = await connectAndMigrate(database);
        const alerts = new DatabaseAlertStore(db);
        const inbox = new DatabaseInbox(db);
        const projects = new CatalogProjectResolver(deps.catalog, auth);
        const publisher = new SignalProjectPublisher(deps.signals);
        const arm = createArmAccess(settings.azure.endpoint);
        const source = new AzureAlertSource(arm);
        const costs = new DatabaseCostSnapshots(db);
        const costRefresher = new CostRefresher({
          projects,
          source: new AzureCostSource(arm),
          store: costs,
          publisher,
        });
        const runbooks = wireRunbooks({
          db,
          settings,
          arm,
          projects,
          publisher,
          alerts,
          costs,
          auditor: deps.auditor,
          logger,
        });
        // Alert changes go to open browsers and start the runbooks they trigger.
        const alertEvents = {
          async alertChanged(alert: Alert) {
            await publisher.alertChanged(alert);
            await runbooks.requests.alertChanged(alert);
            if (alert.monitorCondition === 'Resolved') {
              await runbooks.sweeper.checkOutcomes(alert);
            }
          },
        };
        const processor = new InboxProcessor({
          queue: inbox,
          alerts,
          ledger: alerts,
          projects,
          publisher: alertEvents,
          decode: decodeDelivery,
          budgets: costRefresher,
          onError: error =>
            logger.error(
              'Processing webhook deliveries failed; will retry',
              error as Error,
            ),
        });

        const reconciler = new AlertReconciler({
          projects,
          source,
          alerts,
          ledger: alerts,
          publisher: alertEvents,
        });
        deps.permissionsRegistry.addPermissions(sreControlCenterPermissions);

        httpRouter.use(
          await createRouter({
            httpAuth,
            permissions: deps.permissions,
            alerts,
            commands: new AlertCommands({
              alerts,
              source,
              ledger: alerts,
              publisher: alertEvents,
            }),
            inbox,
            audit: new DatabaseAuditLog(db),
            costs,
            maintenance: new MaintenanceWindows({
              projects,
              suppressions: new AzureAlertProcessingRules(arm),
              audit: new DatabaseAuditLog(db),
              publisher,
            }),
            timeline: new DatabaseTimelineSource(db),
            runbooks: {
              catalog: runbooks.catalog,
              runs: runbooks.store,
              requests: runbooks.requests,
              decisions: runbooks.decisions,
              distinctApprover: settings.approvals.distinctApprover,
            },
            webhookToken,
            entraWebhookAuth: settings.webhookAuth.entra,
            onDelivery: () => processor.kick(),
          }),
        );
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
        // Azure action groups cannot send Backstage tokens: the webhook checks
        // its own shared token instead.
        httpRouter.addAuthPolicy({
          path: '/webhooks/azure-monitor',
          allow: 'unauthenticated',
        });
        httpRouter.addAuthPolicy({
          path: '/webhooks/alertmanager',
          allow: 'unauthenticated',
        });

        await scheduleBackgroundTasks({
          scheduler: deps.scheduler,
          logger,
          processor,
          reconciler,
          costRefresher,
          runSweeper: runbooks.sweeper,
        });
      },
    });
  },
});
