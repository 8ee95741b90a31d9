import type {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';
import {
  alertStateChangeBodySchema,
  alertUpdatePermission,
  listAlertsQuerySchema,
  type Alert,
  type AlertEvent,
  type Page,
} from '@sre-control-center/plugin-sre-control-center-common';
import type express from 'express';
import Router from 'express-promise-router';
import {
  decodeCursor,
  encodeCursor,
  normalizeArmId,
  type AlertCommands,
  type AlertRepository,
  type RequestedState,
} from '../domain/alerts';
import { requireUserWith } from './permissionChecks';
import { parseInput } from './validation';

/** Read routes serve signed-in users and service principals alike. */
export const READERS = {
  allow: ['user', 'service'] as Array<'user' | 'service'>,
};

export interface AlertRoutesOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  alerts: AlertRepository;
  commands: AlertCommands;
}

/** `/alerts`: list, get, history, acknowledge, close. */
export function createAlertRoutes(options: AlertRoutesOptions): express.Router {
  const { httpAuth, alerts, commands } = options;
  const router = Router();

  router.get('/alerts', async (req, res) => {
    await httpAuth.credentials(req, READERS);
    const query = parseInput(listAlertsQuerySchema, req.query, 'alert query');
    let after;
    if (query.cursor) {
      after = decodeCursor(query.cursor);
      if (!after)
        throw new InputError(
          'Invalid alert query: cursor: not a cursor from this API',
        );
    }
    // Taken before the read: whatever commits after it is newer than asOf.
    const asOf = new Date().toISOString();
    const page = await alerts.list({
      entityRef: query.entityRef,
      state: query.state,
      severity: query.severity,
      limit: query.limit,
      after,
      changedSince: query.changedSince
        ? new Date(query.changedSince)
        : undefined,
    });
    const body: Page<Alert> = {
      items: page.items,
      nextCursor: page.next ? encodeCursor(page.next) : null,
      asOf,
    };
    res.json(body);
  });

  router.get('/alerts/:id', async (req, res) => {
    await httpAuth.credentials(req, READERS);
    // Express has already decoded %2F in the id back into slashes.
    const id = normalizeArmId(req.params.id);
    const alert = await alerts.get(id);
    if (!alert) throw new NotFoundError(`No alert with id ${id}`);
    res.json(alert);
  });

  router.get('/alerts/:id/events', async (req, res) => {
    await httpAuth.credentials(req, READERS);
    const id = normalizeArmId(req.params.id);
    // An unknown alert is a 404, not an empty history.
    const [alert, items] = await Promise.all([
      alerts.get(id),
      alerts.history(id),
    ]);
    if (!alert) throw new NotFoundError(`No alert with id ${id}`);
    const body: { items: AlertEvent[] } = { items };
    res.json(body);
  });

  const stateChange =
    (target: RequestedState): express.RequestHandler =>
    async (req, res) => {
      const credentials = await requireUserWith(
        options,
        req,
        alertUpdatePermission,
        'change alerts',
      );
      const body = parseInput(
        alertStateChangeBodySchema,
        req.body ?? {},
        'request body',
      );
      const result = await commands.changeState(
        normalizeArmId(req.params.id),
        target,
        credentials.principal.userEntityRef,
        body.comment,
      );
      res.json(result);
    };

  router.post('/alerts/:id/acknowledge', stateChange('Acknowledged'));
  router.post('/alerts/:id/close', stateChange('Closed'));

  return router;
}
