import type { HttpAuthService } from '@backstage/backend-plugin-api';
import { stackQuerySchema } from '@sre-control-center/plugin-sre-control-center-common';
import express from 'express';
import Router from 'express-promise-router';
import type { StackReader } from '../domain/stack/StackReader';
import { parseInput } from './validation';

/**
 * `GET /stack?entityRef=`: the last stack snapshot with its age. Served from
 * the store, so a page view makes no Azure call; 404 until the first
 * scheduled refresh of the System.
 */
export function createStackRouter(options: {
  httpAuth: HttpAuthService;
  stack: Pick<StackReader, 'snapshot'>;
}): express.Router {
  const router = Router();
  router.get('/stack', async (req, res) => {
    await options.httpAuth.credentials(req, { allow: ['user', 'service'] });
    const { entityRef } = parseInput(
      stackQuerySchema,
      req.query,
      'stack query',
    );
    res.json(await options.stack.snapshot(entityRef));
  });
  return router;
}
