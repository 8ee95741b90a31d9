import type { Client } from '@azure-rest/core-client';
import { z } from 'zod';
import type { AlertSuppressions } from '../../domain/maintenance/ports';
import type {
  SuppressionRequest,
  SuppressionRule,
} from '../../domain/maintenance/types';
import type { ArmAccess } from './armAccess';
import { parseResourceGroupId } from './armIds';

/** `Microsoft.AlertsManagement/actionRules` has one stable version, and no JS SDK. */
export const ALERT_PROCESSING_RULES_API_VERSION = '2021-08-08';
const RULES_PATH =
  '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.AlertsManagement/actionRules';
const RULE_PATH = `${RULES_PATH}/{alertProcessingRuleName}` as const;
/** A resource group holds a handful of rules; this only stops a runaway nextLink. */
const MAX_PAGES = 10;

/** Schedule times are wall-clock strings without a zone (the spec's pattern). */
const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?$/;

const ruleSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  properties: z.looseObject({
    scopes: z.array(z.string()),
    actions: z.array(z.looseObject({ actionType: z.string() })),
    schedule: z
      .looseObject({
        effectiveFrom: z.string().nullish(),
        effectiveUntil: z.string().nullish(),
        timeZone: z.string().nullish(),
        recurrences: z.array(z.unknown()).nullish(),
      })
      .nullish(),
    description: z.string().nullish(),
    // The spec's default is true.
    enabled: z.boolean().nullish(),
  }),
  systemData: z.looseObject({ createdBy: z.string().nullish() }).nullish(),
});

const listSchema = z.looseObject({
  value: z.array(z.unknown()),
  nextLink: z.string().nullish(),
});

function failure(status: string, body: unknown): Error {
  const error = (
    body as { error?: { code?: string; message?: string } } | undefined
  )?.error;
  return new Error(
    `Alert processing rules answered ${status}${
      error?.code ? ` ${error.code}` : ''
    }: ${error?.message ?? 'no error message'}`,
  );
}

/** `2026-11-28T10:15:00` in UTC, as the schedule wants it. */
function utcWallClock(at: Date): string {
  return at.toISOString().slice(0, 19);
}

/** The one-off UTC window the portal writes; anything else is not a window it can show. */
function oneOffUtcWindow(
  schedule: z.infer<typeof ruleSchema>['properties']['schedule'],
): SuppressionRule['window'] {
  if (!schedule?.effectiveFrom || !schedule.effectiveUntil) return null;
  if ((schedule.recurrences ?? []).length > 0) return null;
  if ((schedule.timeZone ?? '').toUpperCase() !== 'UTC') return null;
  if (
    !LOCAL_DATE_TIME.test(schedule.effectiveFrom) ||
    !LOCAL_DATE_TIME.test(schedule.effectiveUntil)
  ) {
    return null;
  }
  return {
    from: new Date(`${schedule.effectiveFrom}Z`),
    until: new Date(`${schedule.effectiveUntil}Z`),
  };
}

/** The rule if it removes all action groups and reads as the spec says; otherwise undefined. */
function toRule(body: unknown): SuppressionRule | undefined {
  const parsed = ruleSchema.safeParse(body);
  if (!parsed.success) return undefined;
  const rule = parsed.data;
  const p = rule.properties;
  if (!p.actions.some(a => a.actionType === 'RemoveAllActionGroups')) {
    return undefined;
  }
  return {
    id: rule.id,
    name: rule.name,
    scopes: p.scopes,
    description: p.description ?? null,
    window: oneOffUtcWindow(p.schedule),
    enabled: p.enabled !== false,
    createdBy: rule.systemData?.createdBy ?? null,
  };
}

/**
 * Azure alert processing rules that remove all action groups, over REST
 * (`@azure-rest/core-client`): the maintenance windows of a resource group.
 */
export class AzureAlertProcessingRules implements AlertSuppressions {
  private readonly client: Client;

  constructor(arm: ArmAccess) {
    this.client = arm.restClient(ALERT_PROCESSING_RULES_API_VERSION);
  }

  async create(request: SuppressionRequest): Promise<SuppressionRule> {
    const { subscriptionId, resourceGroup } = parseResourceGroupId(
      request.resourceGroupId,
    );
    const response = await this.client
      .path(RULE_PATH, subscriptionId, resourceGroup, request.name)
      .put({
        body: {
          // Alert processing rules are global resources.
          location: 'Global',
          tags: {},
          properties: {
            scopes: [request.resourceGroupId],
            actions: [{ actionType: 'RemoveAllActionGroups' }],
            schedule: {
              effectiveFrom: utcWallClock(request.from),
              effectiveUntil: utcWallClock(request.until),
              timeZone: 'UTC',
            },
            description: request.description,
            enabled: true,
          },
        },
      });
    if (response.status !== '200' && response.status !== '201') {
      throw failure(response.status, response.body);
    }
    const rule = toRule(response.body);
    if (!rule) {
      throw new Error(
        `Alert processing rule ${request.name} came back in a shape the portal cannot read`,
      );
    }
    return rule;
  }

  async list(resourceGroupId: string): Promise<SuppressionRule[]> {
    const { subscriptionId, resourceGroup } =
      parseResourceGroupId(resourceGroupId);
    const rules: SuppressionRule[] = [];
    let response = await this.client
      .path(RULES_PATH, subscriptionId, resourceGroup)
      .get();
    for (let page = 0; page < MAX_PAGES; page++) {
      if (response.status !== '200')
        throw failure(response.status, response.body);
      const parsed = listSchema.parse(response.body);
      for (const item of parsed.value) {
        // Someone else's rule in a shape we do not know must not hide ours.
        const rule = toRule(item);
        if (rule) rules.push(rule);
      }
      if (!parsed.nextLink) break;
      // nextLink is absolute and already carries api-version and a continuation token.
      response = await this.client
        .pathUnchecked(parsed.nextLink)
        .get({ skipUrlEncoding: true });
    }
    return rules;
  }

  async delete(resourceGroupId: string, name: string): Promise<boolean> {
    const { subscriptionId, resourceGroup } =
      parseResourceGroupId(resourceGroupId);
    const response = await this.client
      .path(RULE_PATH, subscriptionId, resourceGroup, name)
      .delete();
    // ARM deletes: 200 when something was deleted, 204 when there was nothing.
    if (response.status === '200') return true;
    if (response.status === '204') return false;
    throw failure(response.status, response.body);
  }
}
