import type {
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  approveRunBodySchema,
  listRunsQuerySchema,
  projectQuerySchema,
  rejectRunBodySchema,
  requestRunBodySchema,
  runbookApprovePermission,
  runbookRunPermission,
  type RunbookRun,
} from '@sre-control-center/plugin-sre-control-center-common';
import type { BasicPermission } from '@backstage/plugin-permission-common';
import type express from 'express';
import Router from 'express-promise-router';
import type { AlertRepository } from '../domain/alerts';
import {
  decisionFor,
  type RunbookCatalog,
  type RunDecisions,
  type RunRecord,
  type RunRequests,
  type RunStore,
} from '../domain/runbooks';
import { READERS } from './alertRoutes';
import { isAllowed, requireUserWith } from './permissionChecks';
import { parseInput } from './validation';

export interface RunRoutesOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  alerts: AlertRepository;
  catalog: RunbookCatalog;
  runs: RunStore;
  requests: RunRequests;
  decisions: RunDecisions;
  distinctApprover: boolean;
}

/** `/runbooks` and `/runs`: definitions, requests, approvals. */
export function createRunRoutes(options: RunRoutesOptions): express.Router {
  const { httpAuth, permissions } = options;
  const router = Router();

  const allowed = (
    credentials: BackstageCredentials,
    permission: BasicPermission,
  ) => isAllowed(permissions, credentials, permission);
  const userWith = (
    req: express.Request,
    permission: BasicPermission,
    what: string,
  ) => requireUserWith(options, req, permission, what);
  const toApi = (run: RunRecord, permitted: boolean, actor?: string) => {
    const { actions: _actions, ...rest } = run;
    const body: RunbookRun = {
      ...rest,
      decision: decisionFor(run, {
        permitted,
        actor,
        distinctApprover: options.distinctApprover,
        now: new Date(),
      }),
    };
    return body;
  };

  router.get('/runbooks', async (req, res) => {
    await httpAuth.credentials(req, READERS);
    const { entityRef } = parseInput(
      projectQuerySchema,
      req.query,
      'runbook query',
    );
    const recent = await options.alerts.list({ entityRef, limit: 200 });
    res.json({ items: options.catalog.describe(entityRef, recent.items) });
  });

  router.get('/runs', async (req, res) => {
    const credentials = await httpAuth.credentials(req, READERS);
    const query = parseInput(listRunsQuerySchema, req.query, 'run query');
    const actor =
      credentials.principal.type === 'user'
        ? credentials.principal.userEntityRef
        : undefined;
    const permitted =
      actor !== undefined &&
      (await allowed(credentials, runbookApprovePermission));
    const runs = await options.runs.list(query.entityRef, query.limit);
    res.json({ items: runs.map(run => toApi(run, permitted, actor)) });
  });

  router.post('/runs', async (req, res) => {
    const credentials = await userWith(
      req,
      runbookRunPermission,
      'request runbook runs',
    );
    const body = parseInput(
      requestRunBodySchema,
      req.body ?? {},
      'request body',
    );
    const actor = credentials.principal.userEntityRef;
    const run = await options.requests.request({ ...body, actor });
    res
      .status(201)
      .json(
        toApi(run, await allowed(credentials, runbookApprovePermission), actor),
      );
  });

  router.post('/runs/:id/approve', async (req, res) => {
    const credentials = await userWith(
      req,
      runbookApprovePermission,
      'approve runbook runs',
    );
    const body = parseInput(
      approveRunBodySchema,
      req.body ?? {},
      'request body',
    );
    const actor = credentials.principal.userEntityRef;
    const run = await options.decisions.approve({
      runId: req.params.id,
      actor,
      ...body,
    });
    res.json(toApi(run, true, actor));
  });

  router.post('/runs/:id/reject', async (req, res) => {
    const credentials = await userWith(
      req,
      runbookApprovePermission,
      'reject runbook runs',
    );
    const body = parseInput(
      rejectRunBodySchema,
      req.body ?? {},
      'request body',
    );
    const actor = credentials.principal.userEntityRef;
    const run = await options.decisions.reject({
      runId: req.params.id,
      actor,
      ...body,
    });
    res.json(toApi(run, true, actor));
  });

  return router;
}
