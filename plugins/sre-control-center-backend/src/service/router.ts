import type { HttpAuthService } from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';
import {
  listAlertsQuerySchema,
  type Alert,
  type HealthResponse,
  type Page,
} from '@internal/plugin-sre-control-center-common';
import express from 'express';
import Router from 'express-promise-router';
import { decodeCursor, encodeCursor } from '../domain/alerts/cursor';
import type { AlertRepository, Inbox } from '../domain/alerts/ports';
import { createAzureMonitorWebhookRouter } from './azureMonitorWebhook';
import { parseInput } from './validation';

export interface RouterOptions {
  httpAuth: HttpAuthService;
  alerts: AlertRepository;
  inbox: Inbox;
  webhookToken: string;
  /** Called after a webhook delivery is stored, to process it soon. */
  onDelivery?: () => void;
}

/** Read routes serve signed-in users and service principals alike. */
const READERS = { allow: ['user', 'service'] as Array<'user' | 'service'> };

export async function createRouter(options: RouterOptions): Promise<express.Router> {
  const { httpAuth, alerts } = options;
  const router = Router();

  // Webhooks first: they parse their own raw bodies.
  router.use(createAzureMonitorWebhookRouter(options));
  router.use(express.json({ limit: '64kb' }));

  router.get('/health', (_req, res) => {
    const body: HealthResponse = { status: 'ok' };
    res.json(body);
  });

  router.get('/alerts', async (req, res) => {
    await httpAuth.credentials(req, READERS);
    const query = parseInput(listAlertsQuerySchema, req.query, 'alert query');
    let after;
    if (query.cursor) {
      after = decodeCursor(query.cursor);
      if (!after) throw new InputError('Invalid alert query: cursor: not a cursor from this API');
    }
    const page = await alerts.list({
      entityRef: query.entityRef.toLocaleLowerCase('en-US'),
      state: query.state,
      severity: query.severity,
      limit: query.limit,
      after,
    });
    const body: Page<Alert> = {
      items: page.items,
      nextCursor: page.next ? encodeCursor(page.next) : null,
    };
    res.json(body);
  });

  router.get('/alerts/:id', async (req, res) => {
    await httpAuth.credentials(req, READERS);
    const id = decodeURIComponent(req.params.id).toLocaleLowerCase('en-US');
    const alert = await alerts.get(id);
    if (!alert) throw new NotFoundError(`No alert with id ${id}`);
    res.json(alert);
  });

  // Anything else under the plugin is a JSON 404, not Express's HTML page.
  router.use((req, _res) => {
    throw new NotFoundError(`No route ${req.method} ${req.baseUrl}${req.path}`);
  });

  return router;
}
