import { classifyAlertmanagerPayload } from '../adapters/alertmanager/classifyAlertmanagerPayload';
import { classifyAzureMonitorPayload } from '../adapters/azure/classifyAzureMonitorPayload';
import { DELIVERY_KINDS } from '../adapters/decodeDelivery';
import type { WebhookDefinition } from './webhookRouter';

/**
 * `POST /webhooks/azure-monitor`: action groups (common alert schema,
 * budget alerts), or any JSON, kept and shown as a generic alert.
 */
export const azureMonitorWebhook: WebhookDefinition = {
  path: '/webhooks/azure-monitor',
  source: 'azure-monitor',
  expected: 'an Azure Monitor alert payload',
  classify: classifyAzureMonitorPayload,
  fallbackKind: DELIVERY_KINDS.unrecognized,
};

/** `POST /webhooks/alertmanager`: Prometheus Alertmanager's webhook receiver (version 4). */
export const alertmanagerWebhook: WebhookDefinition = {
  path: '/webhooks/alertmanager',
  source: 'alertmanager',
  expected: 'an Alertmanager webhook payload',
  classify: classifyAlertmanagerPayload,
  fallbackKind: DELIVERY_KINDS.alertmanager,
};
