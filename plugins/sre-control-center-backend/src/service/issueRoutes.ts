import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  deliveryReadPermission,
  issueCreatePermission,
  listIssuesQuerySchema,
  createIssueBodySchema,
  type CreatedIssue,
} from '@sre-control-center/plugin-sre-control-center-common';
import type express from 'express';
import Router from 'express-promise-router';
import { canonicalAlertId, type AlertRepository } from '../domain/alerts';
import type { IssueOpener, IssueReader } from '../domain/issues';
import type { SystemAccess } from './systemAccess';
import { parseInput } from './validation';

/**
 * `GET /issues?entityRef=` (the System's agent, labelled and portal issues
 * with their alerts) and `POST /alerts/:id/issue` (201 opened now, 200 the
 * one that exists).
 */
export function createIssueRoutes(options: {
  access: SystemAccess;
  alerts: AlertRepository;
  issues: { reader: IssueReader; opener: IssueOpener };
}): express.Router {
  const { access, alerts, issues } = options;
  const router = Router();

  router.get('/issues', async (req, res) => {
    const { entityRef } = parseInput(
      listIssuesQuerySchema,
      req.query,
      'issue query',
    );
    await access.reader(req, entityRef);
    res.json(await issues.reader.list(entityRef));
  });

  router.post('/alerts/:id/issue', async (req, res) => {
    await access.signedInUser(req);
    parseInput(createIssueBodySchema, req.body ?? {}, 'request body');
    const id = canonicalAlertId(req.params.id);
    if (!id) {
      throw new InputError(
        'Invalid alert id: expected an Azure alert id (/subscriptions/{guid}/providers/Microsoft.AlertsManagement/alerts/{guid}), alertmanager:<fingerprint> or unrecognized:<sha256>',
      );
    }
    const alert = await alerts.get(id);
    if (!alert) throw new NotFoundError(`No alert with id ${id}`);
    if (!alert.entityRef) {
      await access.userWith(req, deliveryReadPermission, 'see unrouted alerts');
      throw new ConflictError(
        `Alert ${id} belongs to no System yet: route it (see its routing hint) before opening an issue`,
      );
    }
    const credentials = await access
      .user(
        req,
        issueCreatePermission,
        alert.entityRef,
        'open issues for the alerts',
      )
      .catch(error => {
        throw error instanceof NotFoundError
          ? new NotFoundError(`No alert with id ${id}`)
          : error;
      });
    const result: CreatedIssue = await issues.opener.open(
      alert,
      credentials.principal.userEntityRef,
    );
    res.status(result.created ? 201 : 200).json(result);
  });

  return router;
}
