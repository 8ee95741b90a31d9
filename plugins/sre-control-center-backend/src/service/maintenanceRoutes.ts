import {
  entityQuerySchema,
  maintenanceManagePermission,
  startMaintenanceBodySchema,
  type MaintenanceWindow,
} from '@sre-control-center/plugin-sre-control-center-common';
import type express from 'express';
import Router from 'express-promise-router';
import type { MaintenanceWindows } from '../domain/maintenance';
import type { SystemAccess } from './systemAccess';
import { parseInput } from './validation';

export interface MaintenanceRoutesOptions {
  access: SystemAccess;
  maintenance: MaintenanceWindows;
}

/**
 * `/maintenance`: silence a System's alerts for a while through an Azure
 * alert processing rule. Starting and ending decide who gets paged: their
 * own permission (`sre-control-center.maintenance.manage`) on the System.
 */
export function createMaintenanceRoutes(
  options: MaintenanceRoutesOptions,
): express.Router {
  const { access, maintenance } = options;
  const router = Router();

  router.get('/maintenance', async (req, res) => {
    const { entityRef } = parseInput(
      entityQuerySchema,
      req.query,
      'maintenance query',
    );
    await access.reader(req, entityRef);
    const items: MaintenanceWindow[] = await maintenance.list(entityRef);
    res.json({ items });
  });

  router.post('/maintenance', async (req, res) => {
    const body = parseInput(
      startMaintenanceBodySchema,
      req.body ?? {},
      'request body',
    );
    const credentials = await access.user(
      req,
      maintenanceManagePermission,
      body.entityRef,
      'silence the alerts',
    );
    const window = await maintenance.start(
      body.entityRef,
      body.minutes,
      body.reason,
      credentials.principal.userEntityRef,
    );
    res.status(201).json(window);
  });

  router.delete('/maintenance/:name', async (req, res) => {
    const { entityRef } = parseInput(
      entityQuerySchema,
      req.query,
      'maintenance query',
    );
    const credentials = await access.user(
      req,
      maintenanceManagePermission,
      entityRef,
      'end maintenance windows',
    );
    await maintenance.end(
      entityRef,
      req.params.name,
      credentials.principal.userEntityRef,
    );
    res.status(204).end();
  });

  return router;
}
