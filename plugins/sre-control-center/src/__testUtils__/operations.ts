import type {
  InboxDeliverySummary,
  UnroutedAlert,
} from '@sre-control-center/plugin-sre-control-center-common';
import { sampleAlert } from './fakeApi';

/** An alert whose resource group no System claims. */
export const unroutedAlert: UnroutedAlert = {
  ...sampleAlert,
  id: 'unrouted-1',
  entityRef: null,
  name: 'alert-orphan-cpu',
  targetResourceId:
    '/subscriptions/3f2b8c1e-7d4a-4e5b-9c6f-1a2b3c4d5e6f/resourceGroups/rg-other/providers/Microsoft.Web/serverfarms/asp-other',
  routingHint: {
    message:
      'No System claims resource group rg-other: annotate its System with it.',
    annotation: {
      name: 'sre-control-center/azure-resource-group',
      value:
        '/subscriptions/3f2b8c1e-7d4a-4e5b-9c6f-1a2b3c4d5e6f/resourceGroups/rg-other',
    },
  },
};

export const failedDelivery: InboxDeliverySummary = {
  id: '42',
  source: 'azure-monitor',
  kind: 'alert',
  status: 'failed',
  attempts: 8,
  error: 'essentials.alertId: Required',
  receivedAt: '2026-12-01T09:00:00.000Z',
  lastAttemptAt: '2026-12-01T10:00:00.000Z',
  nextAttemptAt: null,
  entityRef: null,
  excerpt: '{"schemaId":"azureMonitorCommonAlertSchema","data":{}}',
};

/** A whole page with its header: slow to render first on a busy machine. */
export const FIRST_RENDER = { timeout: 15_000 };
