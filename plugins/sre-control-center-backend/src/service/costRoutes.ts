import { NotFoundError } from '@backstage/errors';
import { entityQuerySchema } from '@sre-control-center/plugin-sre-control-center-common';
import type express from 'express';
import Router from 'express-promise-router';
import type { CostSnapshotStore } from '../domain/costs/ports';
import type { SystemAccess } from './systemAccess';
import { parseInput } from './validation';

/** `GET /costs`: the System's month against its budget, from the last refresh. */
export function createCostRoutes(options: {
  access: SystemAccess;
  costs: CostSnapshotStore;
}): express.Router {
  const router = Router();
  router.get('/costs', async (req, res) => {
    const { entityRef } = parseInput(
      entityQuerySchema,
      req.query,
      'cost query',
    );
    await options.access.reader(req, entityRef);
    const summary = await options.costs.get(entityRef);
    if (!summary) {
      throw new NotFoundError(
        `No cost figures for ${entityRef} yet: the System needs the sre-control-center/azure-resource-group annotation, and the first refresh runs shortly after start`,
      );
    }
    res.json(summary);
  });
  return router;
}
