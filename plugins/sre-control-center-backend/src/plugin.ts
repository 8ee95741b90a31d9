import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import { sreControlCenterPermissions } from '@sre-control-center/plugin-sre-control-center-common';
import { readSreControlCenterConfig } from './config';
import { scheduleBackgroundTasks } from './service/backgroundTasks';
import { createControlCenter } from './service/createControlCenter';
import { createRouter } from './service/router';
import { SreControlCenterStore } from './store/SreControlCenterStore';

/**
 * SRE Control Center backend plugin: wiring only. Core services in; store,
 * domain services, routes and scheduled tasks out.
 *
 * @public
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
        discovery: coreServices.discovery,
        catalog: catalogServiceRef,
        signals: signalsServiceRef,
        notifications: notificationService,
      },
      async init(deps) {
        const settings = readSreControlCenterConfig(deps.config);
        const store = await SreControlCenterStore.create(deps);
        const center = await createControlCenter({ ...deps, settings, store });
        deps.permissionsRegistry.addPermissions(sreControlCenterPermissions);

        deps.httpRouter.use(
          createRouter({
            ...center,
            logger: deps.logger,
            alerts: store.alerts,
            inbox: store.inbox,
            deliveries: store.inbox,
            audit: store.audit,
            costs: store.costs,
            timeline: store.timeline,
            isSystem: ref => center.projects.isSystem(ref),
            webhookToken: settings.webhookToken,
            entraWebhookAuth: settings.webhookAuth.entra,
            deploymentAuth: settings.deployments,
            onDelivery: () => center.processor.kick(),
            onOperationsChanged: () => {
              center
                .operationsChanged()
                .catch(error =>
                  deps.logger.warn(
                    `Could not signal the operators' pages: ${error}`,
                  ),
                );
            },
          }),
        );
        deps.httpRouter.addAuthPolicy({
          path: '/health',
          allow: 'unauthenticated',
        });
        // Azure action groups, Alertmanager and GitHub Actions cannot send
        // Backstage tokens: the webhooks check their own tokens.
        for (const path of [
          '/webhooks/azure-monitor',
          '/webhooks/alertmanager',
          '/webhooks/deployments',
          // GitHub signs its deliveries (X-Hub-Signature-256).
          '/webhooks/github',
          // Phone providers sign their callbacks (JWT / X-Twilio-Signature).
          '/webhooks/acs',
          '/webhooks/twilio',
        ]) {
          deps.httpRouter.addAuthPolicy({ path, allow: 'unauthenticated' });
        }

        await scheduleBackgroundTasks({
          ...center,
          scheduler: deps.scheduler,
          logger: deps.logger,
          deliveries: store.inbox,
          retentionDays: settings.inbox.retentionDays,
          issues: center.issues,
        });
      },
    });
  },
});
