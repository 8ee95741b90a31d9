import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import { randomBytes } from 'node:crypto';
import { decodeAzureMonitorDelivery } from './adapters/azure/decodeAzureMonitorDelivery';
import { CatalogProjectResolver } from './adapters/catalog/CatalogProjectResolver';
import { readSreControlCenterConfig } from './config';
import { InboxProcessor } from './domain/alerts';
import { createRouter } from './service/router';
import { SignalAlertPublisher } from './service/SignalAlertPublisher';
import { DatabaseAlertStore } from './store/DatabaseAlertStore';
import { DatabaseInbox } from './store/DatabaseInbox';
import { connectAndMigrate } from './store/migrations';

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
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
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
        const processor = new InboxProcessor({
          queue: inbox,
          alerts,
          ledger: alerts,
          projects: new CatalogProjectResolver(deps.catalog, auth),
          publisher: new SignalAlertPublisher(deps.signals),
          decode: decodeAzureMonitorDelivery,
          onError: error =>
            logger.error('Processing Azure Monitor deliveries failed; will retry', error as Error),
        });

        httpRouter.use(
          await createRouter({
            httpAuth,
            alerts,
            inbox,
            webhookToken,
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

        // Picks up deliveries a crash or another replica left unprocessed.
        await deps.scheduler.scheduleTask({
          id: 'sre-control-center:process-inbox',
          frequency: { seconds: 30 },
          timeout: { minutes: 5 },
          initialDelay: { seconds: 5 },
          fn: () => processor.drain(),
        });
      },
    });
  },
});
