import { stackQuerySchema } from '@sre-control-center/plugin-sre-control-center-common';
import type express from 'express';
import Router from 'express-promise-router';
import type { StackReader } from '../domain/stack/StackReader';
import type { SystemAccess } from './systemAccess';
import { parseInput } from './validation';

/**
 * `GET /stack?entityRef=`: the last stack snapshot with its age. Served from
 * the store, so a page view makes no Azure call; 404 until the first
 * scheduled refresh of the System.
 */
export function createStackRoutes(options: {
  access: SystemAccess;
  stack: Pick<StackReader, 'snapshot'>;
}): express.Router {
  const router = Router();
  router.get('/stack', async (req, res) => {
    const { entityRef } = parseInput(
      stackQuerySchema,
      req.query,
      'stack query',
    );
    await options.access.reader(req, entityRef);
    res.json(await options.stack.snapshot(entityRef));
  });
  return router;
}
