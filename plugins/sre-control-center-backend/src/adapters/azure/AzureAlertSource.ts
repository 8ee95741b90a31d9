import type { Client } from '@azure-rest/core-client';
import type { AlertState } from '@sre-control-center/plugin-sre-control-center-common';
import { z } from 'zod';
import {
  canonicalAlertId,
  type AzureAlertId,
} from '../../domain/alerts/alertIds';
import type { AlertSnapshot, AlertSource } from '../../domain/alerts/ports';
import { normalizeArmId } from '../../domain/alerts/resourceIds';
import type { ArmAccess } from './armAccess';
import { parseResourceGroupId } from './armIds';

/** The Alerts Management API version the architecture pins (no SDK exists for it). */
export const ALERTS_API_VERSION = '2019-03-01';
/** Enough pages for 5,000 alerts a project; the rest waits for the next run. */
const MAX_PAGES = 20;

const essentialsSchema = z.looseObject({
  severity: z.enum(['Sev0', 'Sev1', 'Sev2', 'Sev3', 'Sev4']),
  alertState: z.enum(['New', 'Acknowledged', 'Closed']),
  monitorCondition: z.enum(['Fired', 'Resolved']),
  targetResource: z.string().nullish(),
  alertRule: z.string().nullish(),
  startDateTime: z.string(),
  lastModifiedDateTime: z.string(),
  monitorConditionResolvedDateTime: z.string().nullish(),
  lastModifiedUserName: z.string().nullish(),
  description: z.string().nullish(),
});

const pageSchema = z.looseObject({
  value: z.array(
    z.looseObject({
      id: z.string(),
      name: z.string(),
      properties: z.looseObject({ essentials: essentialsSchema }),
    }),
  ),
  nextLink: z.string().nullish(),
});

function failure(status: string, body: unknown): Error {
  const message =
    (body as { error?: { message?: string } } | undefined)?.error?.message ??
    'no error message';
  return new Error(`Alerts Management answered ${status}: ${message}`);
}

/** Azure Alerts Management over REST (`@azure-rest/core-client`). */
export class AzureAlertSource implements AlertSource {
  private readonly client: Client;
  private readonly origin: string;

  constructor(arm: ArmAccess) {
    this.client = arm.restClient(ALERTS_API_VERSION);
    this.origin = new URL(arm.endpoint).origin;
  }

  async listAlerts(resourceGroupId: string): Promise<AlertSnapshot[]> {
    const { subscriptionId, resourceGroup } =
      parseResourceGroupId(resourceGroupId);
    const snapshots: AlertSnapshot[] = [];
    let response = await this.client
      .path(
        '/subscriptions/{subscriptionId}/providers/Microsoft.AlertsManagement/alerts',
        subscriptionId,
      )
      .get({
        queryParameters: {
          targetResourceGroup: resourceGroup,
          timeRange: '30d',
          sortBy: 'lastModifiedDateTime',
          sortOrder: 'desc',
          pageCount: 250,
        },
      });
    for (let page = 0; page < MAX_PAGES; page++) {
      if (response.status !== '200')
        throw failure(response.status, response.body);
      const parsed = pageSchema.parse(response.body);
      for (const item of parsed.value) {
        // Only alerts in their real shape: the id steers later calls.
        const id = canonicalAlertId(item.id);
        if (id) snapshots.push(toSnapshot(id, item.properties.essentials));
      }
      if (!parsed.nextLink) break;
      if (new URL(parsed.nextLink).origin !== this.origin) {
        throw new Error(
          `Alerts Management sent a next page on another host (${
            new URL(parsed.nextLink).origin
          }); not followed`,
        );
      }
      // nextLink is absolute and already carries api-version and the filters.
      response = await this.client
        .pathUnchecked(parsed.nextLink)
        .get({ skipUrlEncoding: true });
    }
    return snapshots;
  }

  async changeState(alertId: AzureAlertId, state: AlertState): Promise<void> {
    // Built from the parsed parts, each encoded: never from a stored string.
    const response = await this.client
      .path(
        '/subscriptions/{subscriptionId}/providers/Microsoft.AlertsManagement/alerts/{alertId}/changestate',
        alertId.subscriptionId,
        alertId.alertGuid,
      )
      .post({ queryParameters: { newState: state } });
    if (response.status !== '200')
      throw failure(response.status, response.body);
  }
}

function toSnapshot(
  id: string,
  e: z.infer<typeof essentialsSchema>,
): AlertSnapshot {
  return {
    alertId: id,
    rule: e.alertRule?.split('/').pop() ?? 'unknown rule',
    severity: e.severity,
    state: e.alertState,
    monitorCondition: e.monitorCondition,
    targetResourceId: e.targetResource
      ? normalizeArmId(e.targetResource)
      : null,
    description: e.description ?? null,
    firedAt: new Date(e.startDateTime),
    resolvedAt: e.monitorConditionResolvedDateTime
      ? new Date(e.monitorConditionResolvedDateTime)
      : null,
    lastModifiedAt: new Date(e.lastModifiedDateTime),
    lastModifiedBy: e.lastModifiedUserName ?? null,
  };
}
