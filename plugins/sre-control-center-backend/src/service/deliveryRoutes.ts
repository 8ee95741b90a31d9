import { NotFoundError } from '@backstage/errors';
import {
  deliveryIdSchema,
  deliveryManagePermission,
  deliveryReadPermission,
  listDeliveriesQuerySchema,
} from '@sre-control-center/plugin-sre-control-center-common';
import type express from 'express';
import Router from 'express-promise-router';
import type { DeliveryRegistry } from '../domain/inbox/ports';
import type { SystemAccess } from './systemAccess';
import { parseInput } from './validation';

/**
 * `GET /deliveries?status=failed|pending` (webhook deliveries that are not
 * alerts, or not yet: with their error and attempts) and
 * `POST /deliveries/:id/retry` (requeue one), for operators.
 */
export function createDeliveryRoutes(options: {
  access: SystemAccess;
  deliveries: DeliveryRegistry;
  /** Called after a delivery is requeued, to process it soon. */
  onRetry?: () => void;
  now?: () => Date;
}): express.Router {
  const { access, deliveries } = options;
  const router = Router();

  router.get('/deliveries', async (req, res) => {
    await access.userWith(
      req,
      deliveryReadPermission,
      'see webhook deliveries',
    );
    const query = parseInput(
      listDeliveriesQuerySchema,
      req.query,
      'delivery query',
    );
    res.json(
      await deliveries.list({
        status: query.status,
        limit: query.limit,
        afterId: query.cursor,
      }),
    );
  });

  router.post('/deliveries/:id/retry', async (req, res) => {
    await access.userWith(
      req,
      deliveryManagePermission,
      'requeue webhook deliveries',
    );
    const id = parseInput(deliveryIdSchema, req.params.id, 'delivery id');
    const delivery = await deliveries.retry(id, options.now?.() ?? new Date());
    if (!delivery) {
      throw new NotFoundError(
        `No failed or pending delivery ${id} (processed and refused deliveries are not retried)`,
      );
    }
    res.json(delivery);
    options.onRetry?.();
  });

  return router;
}
