import express from 'express';
import Router from 'express-promise-router';
import { parseAlertmanagerPayload } from '../adapters/alertmanager/alertmanagerPayload';
import { DELIVERY_KINDS } from '../adapters/decodeDelivery';
import type { Inbox } from '../domain/alerts/ports';
import {
  entityRefParam,
  parseJsonBody,
  readRawBody,
  storeAndAnswer,
} from './webhookRequest';

/**
 * `POST /webhooks/alertmanager?token=T[&entityRef=system:ns/name]`:
 * Prometheus Alertmanager's webhook receiver. Same guarantees as the Azure
 * route: the raw body is in the inbox before the 202; a payload that is not
 * Alertmanager's (version 4) is kept and answered 422 with what failed.
 */
export function createAlertmanagerWebhookRouter(options: {
  authenticate: express.RequestHandler;
  inbox: Inbox;
  onDelivery?: () => void;
}): express.Router {
  const router = Router();
  router.post(
    '/webhooks/alertmanager',
    options.authenticate,
    readRawBody,
    async (req, res) => {
      const entityRef = entityRefParam(req.query);
      const { raw, payload } = parseJsonBody(
        req,
        'an Alertmanager webhook payload',
      );
      const parsed = parseAlertmanagerPayload(payload);
      await storeAndAnswer(
        options,
        {
          source: 'alertmanager',
          kind: DELIVERY_KINDS.alertmanager,
          deliveryKey: null,
          body: raw,
          receivedAt: new Date(),
          entityRef,
          rejected: parsed.ok
            ? undefined
            : `Payload is not an Alertmanager webhook (version 4): ${parsed.error}`,
        },
        res,
      );
    },
  );
  return router;
}
