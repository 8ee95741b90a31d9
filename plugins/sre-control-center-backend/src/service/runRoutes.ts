import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import {
  approveRunBodySchema,
  entityQuerySchema,
  listRunsQuerySchema,
  rejectRunBodySchema,
  requestRunBodySchema,
  runbookApprovePermission,
  runbookRunPermission,
  type RunbookRun,
} from '@sre-control-center/plugin-sre-control-center-common';
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
import { isUser, type SystemAccess } from './systemAccess';
import { parseInput } from './validation';

export interface RunRoutesOptions {
  access: SystemAccess;
  alerts: AlertRepository;
  catalog: RunbookCatalog;
  runs: RunStore;
  requests: RunRequests;
  decisions: RunDecisions;
  distinctApprover: boolean;
}

/** `/runbooks` and `/runs`: definitions, requests, approvals. */
export function createRunRoutes(options: RunRoutesOptions): express.Router {
  const { access } = options;
  const router = Router();

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
  const actorOf = (credentials: BackstageCredentials) =>
    isUser(credentials) ? credentials.principal.userEntityRef : undefined;

  /** The run of `:id`, if the caller may see its System. */
  const visibleRun = async (req: express.Request): Promise<RunRecord> => {
    const run = await options.runs.get(req.params.id);
    const missing = new NotFoundError(`No run with id ${req.params.id}`);
    if (!run) throw missing;
    await access.reader(req, run.entityRef).catch(error => {
      throw error instanceof NotFoundError ? missing : error;
    });
    return run;
  };

  router.get('/runbooks', async (req, res) => {
    const { entityRef } = parseInput(
      entityQuerySchema,
      req.query,
      'runbook query',
    );
    await access.reader(req, entityRef);
    const recent = await options.alerts.list({ entityRef, limit: 200 });
    res.json({ items: options.catalog.describe(entityRef, recent.items) });
  });

  router.get('/runs', async (req, res) => {
    const query = parseInput(listRunsQuerySchema, req.query, 'run query');
    const credentials = await access.reader(req, query.entityRef);
    const actor = actorOf(credentials);
    const permitted = await access.allowed(
      credentials,
      runbookApprovePermission,
      query.entityRef,
    );
    const runs = await options.runs.list(query.entityRef, query.limit);
    res.json({ items: runs.map(run => toApi(run, permitted, actor)) });
  });

  router.post('/runs', async (req, res) => {
    const body = parseInput(
      requestRunBodySchema,
      req.body ?? {},
      'request body',
    );
    const credentials = await access.user(
      req,
      runbookRunPermission,
      body.entityRef,
      'request runbook runs',
    );
    const actor = credentials.principal.userEntityRef;
    const run = await options.requests.request({ ...body, actor });
    const permitted = await access.allowed(
      credentials,
      runbookApprovePermission,
      body.entityRef,
    );
    res.status(201).json(toApi(run, permitted, actor));
  });

  const decide =
    (verdict: 'approve' | 'reject'): express.RequestHandler =>
    async (req, res) => {
      await access.signedInUser(req);
      const run = await visibleRun(req);
      const credentials = await access.user(
        req,
        runbookApprovePermission,
        run.entityRef,
        `${verdict} runbook runs`,
      );
      const actor = credentials.principal.userEntityRef;
      const decided =
        verdict === 'approve'
          ? await options.decisions.approve({
              runId: run.id,
              actor,
              ...parseInput(
                approveRunBodySchema,
                req.body ?? {},
                'request body',
              ),
            })
          : await options.decisions.reject({
              runId: run.id,
              actor,
              ...parseInput(
                rejectRunBodySchema,
                req.body ?? {},
                'request body',
              ),
            });
      res.json(toApi(decided, true, actor));
    };

  router.post('/runs/:id/approve', decide('approve'));
  router.post('/runs/:id/reject', decide('reject'));

  return router;
}
