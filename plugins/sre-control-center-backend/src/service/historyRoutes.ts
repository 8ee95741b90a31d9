import { listAuditQuerySchema } from '@sre-control-center/plugin-sre-control-center-common';
import type express from 'express';
import Router from 'express-promise-router';
import type { AuditTrail } from '../domain/audit';
import {
  systemTimeline,
  type TimelineEntrySource,
  type TimelineSource,
} from '../domain/timeline';
import type { SystemAccess } from './systemAccess';
import { parseInput } from './validation';

/** `GET /audit` (the System's audit trail) and `GET /timeline` (its story), newest first. */
export function createHistoryRoutes(options: {
  access: SystemAccess;
  audit: AuditTrail;
  timeline: TimelineSource;
  /** The other areas' timeline lines: deployments, issues, escalations. */
  timelineSources?: TimelineEntrySource[];
}): express.Router {
  const { access } = options;
  const router = Router();

  router.get('/audit', async (req, res) => {
    const query = parseInput(listAuditQuerySchema, req.query, 'audit query');
    await access.reader(req, query.entityRef);
    res.json({
      items: await options.audit.list(query.entityRef, query.limit),
    });
  });

  router.get('/timeline', async (req, res) => {
    const query = parseInput(listAuditQuerySchema, req.query, 'timeline query');
    await access.reader(req, query.entityRef);
    res.json({
      items: await systemTimeline(
        options.timeline,
        query.entityRef,
        query.limit,
        options.timelineSources,
      ),
    });
  });

  return router;
}
