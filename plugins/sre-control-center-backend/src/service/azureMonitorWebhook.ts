import {
  AuthenticationError,
  InputError,
  NotAllowedError,
} from '@backstage/errors';
import express from 'express';
import Router from 'express-promise-router';
import type { Inbox } from '../domain/alerts/ports';
import { tokenMatches } from './webhookToken';

/** Azure Monitor sends at most a few KB per alert; cap far above that. */
export const WEBHOOK_BODY_LIMIT = '256kb';

/**
 * Tells what kind of action-group payload this is, or undefined when it is
 * neither the common alert schema nor a Cost Management budget alert.
 */
export function classifyAzureMonitorPayload(
  payload: unknown,
): string | undefined {
  if (!payload || typeof payload !== 'object') return undefined;
  const body = payload as Record<string, unknown>;
  const data = body.data as Record<string, unknown> | undefined;
  if (body.schemaId === 'azureMonitorCommonAlertSchema') {
    const essentials = data?.essentials as Record<string, unknown> | undefined;
    if (typeof essentials?.alertId !== 'string') return undefined;
    // Cost Management budget alerts come in the common schema too.
    return essentials.monitoringService === 'CostAlerts'
      ? 'budget'
      : 'common-alert';
  }
  // Budget alerts sent through an action group use their own schema id.
  if (body.schemaId === 'AIP Budget Notification') {
    return typeof data?.BudgetName === 'string' ? 'budget' : undefined;
  }
  return undefined;
}

/**
 * `POST /webhooks/azure-monitor?token=T`: stores the raw delivery in the
 * inbox before answering 202, so an acknowledged alert is never lost.
 * Mounted with express.raw so the stored body is exactly what Azure sent.
 */
export function createAzureMonitorWebhookRouter(options: {
  webhookToken: string;
  inbox: Inbox;
  onDelivery?: () => void;
}): express.Router {
  const router = Router();
  router.post(
    '/webhooks/azure-monitor',
    express.raw({ type: () => true, limit: WEBHOOK_BODY_LIMIT }),
    async (req, res) => {
      if (req.query.token === undefined) {
        throw new AuthenticationError('Missing ?token= on the webhook URL');
      }
      if (!tokenMatches(options.webhookToken, req.query.token)) {
        throw new NotAllowedError('Webhook token does not match');
      }
      const raw = Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '';
      if (!raw) {
        throw new InputError(
          'Empty body: expected an Azure Monitor alert payload',
        );
      }
      let payload: unknown;
      try {
        payload = JSON.parse(raw);
      } catch (e) {
        throw new InputError(`Body is not valid JSON: ${(e as Error).message}`);
      }
      const kind = classifyAzureMonitorPayload(payload);
      if (!kind) {
        res.status(422).json({
          error: {
            name: 'UnprocessableEntityError',
            message:
              'Unrecognized payload: expected the common alert schema (schemaId azureMonitorCommonAlertSchema with data.essentials.alertId) or a budget alert',
          },
        });
        return;
      }
      const id = await options.inbox.add({
        source: 'azure-monitor',
        kind,
        deliveryKey: null,
        body: raw,
        receivedAt: new Date(),
      });
      res.status(202).json({ accepted: true, inboxId: id });
      options.onDelivery?.();
    },
  );
  return router;
}
