import { NotFoundError } from '@backstage/errors';
import {
  alertUpdatePermission,
  escalationIdSchema,
  listEscalationsQuerySchema,
  onCallQuerySchema,
  stopEscalationBodySchema,
  type Escalation,
  type OnCallResponse,
} from '@sre-control-center/plugin-sre-control-center-common';
import type express from 'express';
import Router from 'express-promise-router';
import type { EscalationEngine } from '../domain/escalation';
import type { SystemAccess } from './systemAccess';
import { parseInput } from './validation';

/** `/escalations` and `/oncall`: who is paged for a System's alerts, and stopping it. */
export function createEscalationRoutes(options: {
  access: SystemAccess;
  escalations: Pick<EscalationEngine, 'list' | 'get' | 'stop' | 'onCall'>;
}): express.Router {
  const { access, escalations } = options;
  const router = Router();

  router.get('/escalations', async (req, res) => {
    const query = parseInput(
      listEscalationsQuerySchema,
      req.query,
      'escalation query',
    );
    await access.reader(req, query.entityRef);
    const body: { items: Escalation[] } = {
      items: await escalations.list(query.entityRef, query.state, query.limit),
    };
    res.json(body);
  });

  router.post('/escalations/:id/stop', async (req, res) => {
    await access.signedInUser(req);
    const id = parseInput(escalationIdSchema, req.params.id, 'escalation id');
    const body = parseInput(
      stopEscalationBodySchema,
      req.body ?? {},
      'request body',
    );
    const escalation = await escalations.get(id);
    if (!escalation) throw new NotFoundError(`No escalation ${id}`);
    const credentials = await access
      .user(
        req,
        alertUpdatePermission,
        escalation.entityRef,
        'stop the escalations',
      )
      .catch(error => {
        // Not a word about a System the caller cannot see.
        throw error instanceof NotFoundError
          ? new NotFoundError(`No escalation ${id}`)
          : error;
      });
    res.json(
      await escalations.stop(
        id,
        credentials.principal.userEntityRef,
        body.reason,
      ),
    );
  });

  router.get('/oncall', async (req, res) => {
    const query = parseInput(onCallQuerySchema, req.query, 'on-call query');
    const credentials = await access.reader(req, query.entityRef);
    const body: OnCallResponse = {
      entityRef: query.entityRef,
      schedules: escalations.onCall(query.entityRef),
      canStop: await access.allowed(
        credentials,
        alertUpdatePermission,
        query.entityRef,
      ),
    };
    res.json(body);
  });

  return router;
}
