import type {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  alertUpdatePermission,
  maintenanceQuerySchema,
  startMaintenanceBodySchema,
  type MaintenanceWindow,
} from '@sre-control-center/plugin-sre-control-center-common';
import type express from 'express';
import Router from 'express-promise-router';
import type { MaintenanceWindows } from '../domain/maintenance';
import { READERS } from './alertRoutes';
import { requireUserWith } from './permissionChecks';
import { parseInput } from './validation';

export interface MaintenanceRoutesOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  maintenance: MaintenanceWindows;
}

/**
 * `/maintenance`: silence a System's alerts for a while through an Azure
 * alert processing rule. Starting and ending need the same permission as
 * acknowledging alerts: both decide who gets paged.
 */
export function createMaintenanceRoutes(
  options: MaintenanceRoutesOptions,
): express.Router {
  const { httpAuth, maintenance } = options;
  const router = Router();

  const authorizedUser = async (req: express.Request) => {
    const credentials = await requireUserWith(
      options,
      req,
      alertUpdatePermission,
      'silence alerts',
    );
    return credentials.principal.userEntityRef;
  };

  router.get('/maintenance', async (req, res) => {
    await httpAuth.credentials(req, READERS);
    const { entityRef } = parseInput(
      maintenanceQuerySchema,
      req.query,
      'maintenance query',
    );
    const items: MaintenanceWindow[] = await maintenance.list(entityRef);
    res.json({ items });
  });

  router.post('/maintenance', async (req, res) => {
    const actor = await authorizedUser(req);
    const body = parseInput(
      startMaintenanceBodySchema,
      req.body ?? {},
      'request body',
    );
    const window = await maintenance.start(
      body.entityRef,
      body.minutes,
      body.reason,
      actor,
    );
    res.status(201).json(window);
  });

  router.delete('/maintenance/:name', async (req, res) => {
    const actor = await authorizedUser(req);
    const { entityRef } = parseInput(
      maintenanceQuerySchema,
      req.query,
      'maintenance query',
    );
    await maintenance.end(entityRef, req.params.name, actor);
    res.status(204).end();
  });

  return router;
}
