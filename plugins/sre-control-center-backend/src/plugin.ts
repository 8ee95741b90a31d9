import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { randomBytes } from 'node:crypto';
import { readSreControlCenterConfig } from './config';
import { createRouter } from './service/router';
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
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
      },
      async init({ config, logger, database, httpAuth, httpRouter }) {
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
        httpRouter.use(
          await createRouter({
            httpAuth,
            alerts: new DatabaseAlertStore(db),
            inbox: new DatabaseInbox(db),
            webhookToken,
          }),
        );
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
        // Azure action groups cannot send Backstage tokens: the webhook checks
        // its own shared token instead.
        httpRouter.addAuthPolicy({
          path: '/webhooks/azure-monitor',
          allow: 'unauthenticated',
        });
      },
    });
  },
});
