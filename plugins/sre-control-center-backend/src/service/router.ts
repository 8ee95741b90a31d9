import type {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import {
  costQuerySchema,
  listAuditQuerySchema,
  type HealthResponse,
} from '@internal/plugin-sre-control-center-common';
import express from 'express';
import Router from 'express-promise-router';
import type { AlertCommands, AlertRepository, Inbox } from '../domain/alerts';
import type { CostSnapshotStore } from '../domain/costs/ports';
import type { DatabaseAuditLog } from '../store/DatabaseAuditLog';
import { createAlertRoutes, READERS } from './alertRoutes';
import { createAzureMonitorWebhookRouter } from './azureMonitorWebhook';
import { parseInput } from './validation';

export interface RouterOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  alerts: AlertRepository;
  commands: AlertCommands;
  inbox: Inbox;
  audit: DatabaseAuditLog;
  costs: CostSnapshotStore;
  webhookToken: string;
  /** Called after a webhook delivery is stored, to process it soon. */
  onDelivery?: () => void;
}

export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const router = Router();

  // Webhooks first: they parse their own raw bodies.
  router.use(createAzureMonitorWebhookRouter(options));
  router.use(express.json({ limit: '64kb' }));

  router.get('/health', (_req, res) => {
    const body: HealthResponse = { status: 'ok' };
    res.json(body);
  });

  router.use(createAlertRoutes(options));

  router.get('/audit', async (req, res) => {
    await options.httpAuth.credentials(req, READERS);
    const query = parseInput(listAuditQuerySchema, req.query, 'audit query');
    res.json({
      items: await options.audit.list(query.entityRef, query.limit),
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
