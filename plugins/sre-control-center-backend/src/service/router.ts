import type {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import {
  costQuerySchema,
  listAuditQuerySchema,
  type HealthResponse,
} from '@sre-control-center/plugin-sre-control-center-common';
import express from 'express';
import Router from 'express-promise-router';
import type { AlertCommands, AlertRepository, Inbox } from '../domain/alerts';
import type { CostSnapshotStore } from '../domain/costs/ports';
import type { MaintenanceWindows } from '../domain/maintenance';
import { systemTimeline, type TimelineSource } from '../domain/timeline';
import type { DatabaseAuditLog } from '../store/DatabaseAuditLog';
import { createAlertRoutes, READERS } from './alertRoutes';
import { createRunRoutes, type RunRoutesOptions } from './runRoutes';
import { createAlertmanagerWebhookRouter } from './alertmanagerWebhook';
import { createAzureMonitorWebhookRouter } from './azureMonitorWebhook';
import { createMaintenanceRoutes } from './maintenanceRoutes';
import { parseInput } from './validation';
import {
  createWebhookAuthenticator,
  type EntraWebhookAuth,
} from './webhookAuth';

export interface RouterOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  alerts: AlertRepository;
  commands: AlertCommands;
  inbox: Inbox;
  audit: DatabaseAuditLog;
  costs: CostSnapshotStore;
  maintenance: MaintenanceWindows;
  timeline: TimelineSource;
  /** Runbook services; the shared ones (auth, alerts) come from here. */
  runbooks: Omit<RunRoutesOptions, 'httpAuth' | 'permissions' | 'alerts'>;
  webhookToken: string;
  /** Azure's secure webhook: Entra ID bearer tokens accepted besides ?token=. */
  entraWebhookAuth?: EntraWebhookAuth;
  /** Called after a webhook delivery is stored, to process it soon. */
  onDelivery?: () => void;
}

export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const router = Router();

  // Webhooks first: they parse their own raw bodies.
  const authenticate = createWebhookAuthenticator({
    webhookToken: options.webhookToken,
    entra: options.entraWebhookAuth,
  });
  router.use(createAzureMonitorWebhookRouter({ ...options, authenticate }));
  router.use(createAlertmanagerWebhookRouter({ ...options, authenticate }));
  router.use(express.json({ limit: '64kb' }));

  router.get('/health', (_req, res) => {
    const body: HealthResponse = { status: 'ok' };
    res.json(body);
  });

  router.use(createAlertRoutes(options));
  router.use(
    createRunRoutes({
      ...options.runbooks,
      httpAuth: options.httpAuth,
      permissions: options.permissions,
      alerts: options.alerts,
    }),
  );
  router.use(createMaintenanceRoutes(options));

  router.get('/audit', async (req, res) => {
    await options.httpAuth.credentials(req, READERS);
    const query = parseInput(listAuditQuerySchema, req.query, 'audit query');
    res.json({
      items: await options.audit.list(query.entityRef, query.limit),
    });
  });

  router.get('/timeline', async (req, res) => {
    await options.httpAuth.credentials(req, READERS);
    const query = parseInput(listAuditQuerySchema, req.query, 'timeline query');
    res.json({
      items: await systemTimeline(
        options.timeline,
        query.entityRef,
        query.limit,
      ),
    });
  });

  router.get('/costs', async (req, res) => {
    await options.httpAuth.credentials(req, READERS);
    const query = parseInput(costQuerySchema, req.query, 'cost query');
    const { entityRef } = query;
    const summary = await options.costs.get(entityRef);
    if (!summary) {
      throw new NotFoundError(
        `No cost figures for ${entityRef} yet: the System needs the sre-control-center/azure-resource-group annotation, and the first refresh runs shortly after start`,
      );
    }
    res.json(summary);
  });

  // Anything else under the plugin is a JSON 404, not Express's HTML page.
  router.use((req, _res) => {
    throw new NotFoundError(`No route ${req.method} ${req.baseUrl}${req.path}`);
  });

  return router;
}
