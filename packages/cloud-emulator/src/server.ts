import express, { NextFunction, Request, Response } from 'express';
import { EmulatorContext } from './context';
import { alertProcessingRulesRouter } from './azure/alertProcessingRules';
import { alertsManagementRouter } from './azure/alertsManagement';
import { appServiceRouter } from './azure/appService';
import { armHeaders, sendArmError } from './azure/armHttp';
import { authorization } from './azure/authorization';
import { blobStorageRouter } from './azure/blobStorage';
import { consumptionRouter } from './azure/consumption';
import { costManagementRouter } from './azure/costManagement';
import { deploymentSlotsRouter } from './azure/deploymentSlots';
import { metricsRouter } from './azure/metrics';
import { monitorRulesRouter } from './azure/monitorRules';
import { postgresRouter } from './azure/postgresql';
import { storageAndKeyVaultRouter } from './azure/storageAndKeyVault';
import { requestStats } from './azure/requestStats';
import { throttling } from './azure/throttling';
import { githubNotFound, githubRouter, sendGithubError } from './github/issues';
import { githubProjectsRouter } from './github/projects';
import { ScenarioParams, UnknownScenarioError, runScenario } from './scenarios';
import { acsRouter } from './phone/acs';
import { phoneWorld } from './phone/world';
import { twilioRouter } from './phone/twilio';

const GITHUB_PATH = /^\/(repos|repositories|user|users|orgs|rate_limit)(\/|$)/;
const ARM_PATH = /^\/(subscriptions|providers|tenants)(\/|$)/i;

export interface ServerHooks {
  reset(): void;
}

/** The Express app answering ARM, GitHub REST and the `/_emulator` control routes. */
export function createApp(ctx: EmulatorContext, hooks: ServerHooks) {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);

  // SDKs build `/{scope}/providers/...` from scopes that may start with '/'.
  app.use((req, _res, next) => {
    const [path, query] = [
      req.url.split('?')[0],
      req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : '',
    ];
    if (path.includes('//')) req.url = path.replace(/\/{2,}/g, '/') + query;
    next();
  });
  // Blob bodies are raw bytes: the blob routes come before JSON parsing.
  app.use(blobStorageRouter(ctx));
  // Twilio posts forms: its routes parse their own bodies.
  app.use(twilioRouter(ctx));
  app.use(
    express.json({
      limit: '5mb',
      type: ['application/json', 'application/*+json', 'text/json'],
    }),
  );

  const control = express.Router();
  control.get('/state', (_req, res) => {
    res.json(ctx.state);
  });
  control.get('/phone/calls', (_req, res) => {
    res.json({ calls: phoneWorld(ctx).calls });
  });
  control.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  control.post('/reset', (_req, res) => {
    hooks.reset();
    res.json({ reset: true });
  });
  control.post('/scenarios/:name', (req, res) => {
    const body: unknown = req.body;
    const params: ScenarioParams =
      typeof body === 'object' && body !== null && !Array.isArray(body)
        ? (body as ScenarioParams)
        : {};
    try {
      res.json({
        scenario: req.params.name,
        result: runScenario(ctx, req.params.name, params),
      });
    } catch (err) {
      if (err instanceof UnknownScenarioError) {
        res
          .status(404)
          .json({ error: { code: 'ScenarioNotFound', message: err.message } });
        return;
      }
      throw err;
    }
  });
  app.use('/_emulator', control);

  // Communication Services Call Automation (the phone callers' provider).
  app.use(acsRouter(ctx));

  const github = githubRouter(ctx);
  const githubProjects = githubProjectsRouter(ctx);
  app.use((req, res, next) =>
    GITHUB_PATH.test(req.path)
      ? github(req, res, () => githubProjects(req, res, next))
      : next(),
  );

  const arm = express.Router();
  arm.use(armHeaders, requestStats(ctx), throttling(ctx), authorization(ctx));
  arm.use(alertsManagementRouter(ctx));
  arm.use(alertProcessingRulesRouter(ctx));
  arm.use(appServiceRouter(ctx));
  arm.use(deploymentSlotsRouter(ctx));
  arm.use(postgresRouter(ctx));
  arm.use(metricsRouter(ctx));
  arm.use(costManagementRouter(ctx));
  arm.use(consumptionRouter(ctx));
  arm.use(monitorRulesRouter(ctx));
  arm.use(storageAndKeyVaultRouter(ctx));
  app.use((req, res, next) =>
    ARM_PATH.test(req.path) ? arm(req, res, next) : next(),
  );

  app.use((req, res) => {
    if (GITHUB_PATH.test(req.path)) {
      githubNotFound(res);
      return;
    }
    const provider = /\/providers\/([^/]+)\/([^/?]+)/i.exec(req.path);
    if (provider) {
      sendArmError(
        res,
        404,
        'InvalidResourceType',
        `The resource type '${
          provider[2]
        }' could not be found in the namespace '${
          provider[1]
        }' for api version '${String(req.query['api-version'] ?? '')}'.`,
      );
      return;
    }
    sendArmError(
      res,
      404,
      'NotFound',
      `No HTTP resource was found that matches the request URI '${req.originalUrl}'.`,
    );
  });

  // Malformed JSON bodies and unexpected failures.
  app.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
    const isParseError =
      typeof err === 'object' &&
      err !== null &&
      'type' in err &&
      err.type === 'entity.parse.failed';
    if (GITHUB_PATH.test(req.path)) {
      sendGithubError(
        res,
        isParseError ? 400 : 500,
        isParseError ? 'Problems parsing JSON' : 'Server Error',
      );
      return;
    }
    if (isParseError) {
      sendArmError(
        res,
        400,
        'InvalidRequestContent',
        'The request content was invalid and could not be deserialized.',
      );
      return;
    }
    sendArmError(
      res,
      500,
      'InternalServerError',
      err instanceof Error ? err.message : 'Internal error',
    );
  });

  return app;
}
