import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  alertStateChangeBodySchema,
  alertUpdatePermission,
  deliveryReadPermission,
  listAlertsQuerySchema,
  listUnroutedAlertsQuerySchema,
  type Alert,
  type AlertEvent,
  type Page,
  type UnroutedAlert,
} from '@sre-control-center/plugin-sre-control-center-common';
import type express from 'express';
import Router from 'express-promise-router';
import {
  canonicalAlertId,
  decodeCursor,
  encodeCursor,
  withRoutingHint,
  type AlertCommands,
  type AlertCursor,
  type AlertRepository,
  type RequestedState,
} from '../domain/alerts';
import type { SystemAccess } from './systemAccess';
import { parseInput } from './validation';

export interface AlertRoutesOptions {
  access: SystemAccess;
  alerts: AlertRepository;
  commands: AlertCommands;
  /** Sets `issues` on alerts (the GitHub issues linked to them). */
  withIssues?: <A extends Alert>(alerts: A[]) => Promise<A[]>;
}

function cursorParam(cursor: string | undefined): AlertCursor | undefined {
  if (!cursor) return undefined;
  const after = decodeCursor(cursor);
  if (!after) {
    throw new InputError(
      'Invalid alert query: cursor: not a cursor from this API',
    );
  }
  return after;
}

/** `/alerts`: list (a System's, or the unrouted ones), get, history, acknowledge, close. */
export function createAlertRoutes(options: AlertRoutesOptions): express.Router {
  const { access, alerts, commands } = options;
  const withIssues = options.withIssues ?? (async <A>(list: A[]) => list);
  const router = Router();

  /** The alert of `:id`, if the caller may see it (unrouted ones: operators only). */
  const visibleAlert = async (req: express.Request): Promise<Alert> => {
    // Express has already decoded %2F in the id back into slashes.
    const id = canonicalAlertId(req.params.id);
    if (!id) {
      throw new InputError(
        'Invalid alert id: expected an Azure alert id (/subscriptions/{guid}/providers/Microsoft.AlertsManagement/alerts/{guid}), alertmanager:<fingerprint> or unrecognized:<sha256>',
      );
    }
    const alert = await alerts.get(id);
    if (!alert) throw new NotFoundError(`No alert with id ${id}`);
    if (alert.entityRef) {
      await access.reader(req, alert.entityRef).catch(error => {
        // Not a word about a System the caller cannot see.
        throw error instanceof NotFoundError
          ? new NotFoundError(`No alert with id ${id}`)
          : error;
      });
    } else {
      await access.userWith(req, deliveryReadPermission, 'see unrouted alerts');
    }
    return alert;
  };

  router.get('/alerts', async (req, res) => {
    if (req.query.unrouted !== undefined) {
      await access.userWith(req, deliveryReadPermission, 'see unrouted alerts');
      const query = parseInput(
        listUnroutedAlertsQuerySchema,
        req.query,
        'unrouted alert query',
      );
      const page = await alerts.listUnrouted({
        limit: query.limit,
        after: cursorParam(query.cursor),
      });
      const body: Page<UnroutedAlert> = {
        items: page.items.map(withRoutingHint),
        nextCursor: page.next ? encodeCursor(page.next) : null,
      };
      res.json(body);
      return;
    }
    const query = parseInput(listAlertsQuerySchema, req.query, 'alert query');
    const after = cursorParam(query.cursor);
    await access.reader(req, query.entityRef);
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
      items: await withIssues(page.items),
      nextCursor: page.next ? encodeCursor(page.next) : null,
      asOf,
    };
    res.json(body);
  });

  router.get('/alerts/:id', async (req, res) => {
    const [alert] = await withIssues([await visibleAlert(req)]);
    res.json(alert);
  });

  router.get('/alerts/:id/events', async (req, res) => {
    const alert = await visibleAlert(req);
    const body: { items: AlertEvent[] } = {
      items: await alerts.history(alert.id),
    };
    res.json(body);
  });

  const stateChange =
    (target: RequestedState): express.RequestHandler =>
    async (req, res) => {
      await access.signedInUser(req);
      const body = parseInput(
        alertStateChangeBodySchema,
        req.body ?? {},
        'request body',
      );
      const alert = await visibleAlert(req);
      if (!alert.entityRef) {
        throw new ConflictError(
          `Alert ${alert.id} belongs to no System yet: route it (see its routing hint) before changing it`,
        );
      }
      const credentials = await access.user(
        req,
        alertUpdatePermission,
        alert.entityRef,
        'change the alerts',
      );
      res.json(
        await commands.changeState(
          alert.id,
          target,
          credentials.principal.userEntityRef,
          body.comment,
        ),
      );
    };

  router.post('/alerts/:id/acknowledge', stateChange('Acknowledged'));
  router.post('/alerts/:id/close', stateChange('Closed'));

  return router;
}
