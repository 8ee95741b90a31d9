import express from 'express';
import Router from 'express-promise-router';
import { parseBudgetAlert } from '../adapters/azure/budgetAlert';
import { commonAlertProblems } from '../adapters/azure/commonAlertSchema';
import { DELIVERY_KINDS } from '../adapters/decodeDelivery';
import type { Inbox } from '../domain/alerts/ports';
import {
  entityRefParam,
  parseJsonBody,
  readRawBody,
  storeAndAnswer,
} from './webhookRequest';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Tells what kind of action-group payload this is and, for the schemas we
 * know, whether it is valid (`error` names each bad field). JSON of any
 * other shape is `unrecognized`: kept and shown as a generic alert.
 */
export function classifyAzureMonitorPayload(payload: unknown): {
  kind: string;
  error?: string;
} {
  const body = isRecord(payload) ? payload : {};
  const budget = (): { kind: string; error?: string } => {
    const parsed = parseBudgetAlert(payload);
    return parsed.ok
      ? { kind: DELIVERY_KINDS.budget }
      : { kind: DELIVERY_KINDS.budget, error: parsed.error };
  };
  if (body.schemaId === 'azureMonitorCommonAlertSchema') {
    const essentials = isRecord(body.data) ? body.data.essentials : undefined;
    // Cost Management budget alerts come in the common schema too.
    if (isRecord(essentials) && essentials.monitoringService === 'CostAlerts') {
      return budget();
    }
    const problems = commonAlertProblems(payload);
    return problems
      ? {
          kind: DELIVERY_KINDS.commonAlert,
          error: `Payload does not match the common alert schema: ${problems}`,
        }
      : { kind: DELIVERY_KINDS.commonAlert };
  }
  // Budget alerts sent through an action group use their own schema id.
  if (body.schemaId === 'AIP Budget Notification') return budget();
  return { kind: DELIVERY_KINDS.unrecognized };
}

/**
 * `POST /webhooks/azure-monitor?token=T[&entityRef=system:ns/name]`: stores
 * the raw delivery in the inbox before answering 202, so an acknowledged
 * alert is never lost. Mounted with a raw body parser so the stored body is
 * exactly what Azure sent.
 */
export function createAzureMonitorWebhookRouter(options: {
  authenticate: express.RequestHandler;
  inbox: Inbox;
  onDelivery?: () => void;
}): express.Router {
  const router = Router();
  router.post(
    '/webhooks/azure-monitor',
    options.authenticate,
    readRawBody,
    async (req, res) => {
      const entityRef = entityRefParam(req.query);
      const { raw, payload } = parseJsonBody(
        req,
        'an Azure Monitor alert payload',
      );
      const { kind, error } = classifyAzureMonitorPayload(payload);
      await storeAndAnswer(
        options,
        {
          source: 'azure-monitor',
          kind,
          deliveryKey: null,
          body: raw,
          receivedAt: new Date(),
          entityRef,
          rejected: error,
        },
        res,
      );
    },
  );
  return router;
}
