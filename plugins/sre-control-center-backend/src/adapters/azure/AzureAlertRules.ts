import { MonitorClient } from '@azure/arm-monitor';
import { isRestError } from '@azure/core-rest-pipeline';
import type { ArmResourceId } from '@sre-control-center/plugin-sre-control-center-common';
import type {
  ActionGroupDefinition,
  AlertRuleDefinition,
  AlertRuleSource,
} from '../../domain/stack/ports';
import type { ArmAccess } from './armAccess';
import { toStackReadError } from './stackReadError';

type ActionGroupResource = Awaited<
  ReturnType<MonitorClient['actionGroups']['get']>
>;
type MetricAlertResource = Awaited<
  ReturnType<MonitorClient['metricAlerts']['get']>
>;

function actionGroup(resource: ActionGroupResource): ActionGroupDefinition {
  return {
    id: resource.id ?? '',
    name: resource.name ?? '',
    enabled: resource.enabled ?? false,
    emailReceivers: resource.emailReceivers?.length ?? 0,
    webhooks: (resource.webhookReceivers ?? []).map(w => ({
      name: w.name,
      serviceUri: w.serviceUri,
      useCommonAlertSchema: w.useCommonAlertSchema ?? false,
      useAadAuth: w.useAadAuth ?? false,
    })),
  };
}

function criteriaOf(rule: MetricAlertResource) {
  const criteria = rule.criteria as {
    allOf?: Array<{
      metricName?: string;
      operator?: string;
      threshold?: number;
      timeAggregation?: string;
    }>;
  };
  return (criteria.allOf ?? []).map(c => ({
    metric: c.metricName ?? '',
    operator: c.operator ?? '',
    threshold: typeof c.threshold === 'number' ? c.threshold : null,
    aggregation: c.timeAggregation ?? '',
  }));
}

/** Metric alert rules and action groups through `@azure/arm-monitor`. */
export class AzureAlertRules implements AlertRuleSource {
  private readonly clients = new Map<string, MonitorClient>();

  constructor(private readonly arm: ArmAccess) {}

  private client(subscriptionId: string): MonitorClient {
    let client = this.clients.get(subscriptionId);
    if (!client) {
      client = this.arm.prepare(
        new MonitorClient(this.arm.credential, subscriptionId, {
          ...this.arm.clientOptions,
          retryOptions: { maxRetries: 1 },
        }),
      );
      this.clients.set(subscriptionId, client);
    }
    return client;
  }

  async metricAlertRules(group: {
    subscriptionId: string;
    resourceGroup: string;
  }): Promise<AlertRuleDefinition[]> {
    try {
      const rules: AlertRuleDefinition[] = [];
      for await (const rule of this.client(
        group.subscriptionId,
      ).metricAlerts.listByResourceGroup(group.resourceGroup)) {
        rules.push({
          id: rule.id ?? '',
          name: rule.name ?? '',
          description: rule.description ?? null,
          severity: rule.severity,
          enabled: rule.enabled,
          scopes: rule.scopes ?? [],
          windowSize: rule.windowSize ?? null,
          criteria: criteriaOf(rule),
          actionGroupIds: (rule.actions ?? [])
            .map(a => a.actionGroupId)
            .filter((id): id is string => Boolean(id)),
        });
      }
      return rules;
    } catch (error) {
      throw toStackReadError(
        'alert-rules',
        `metric alert rules of ${group.resourceGroup}`,
        error,
      );
    }
  }

  async actionGroups(group: {
    subscriptionId: string;
    resourceGroup: string;
  }): Promise<ActionGroupDefinition[]> {
    try {
      const groups: ActionGroupDefinition[] = [];
      for await (const resource of this.client(
        group.subscriptionId,
      ).actionGroups.listByResourceGroup(group.resourceGroup)) {
        groups.push(actionGroup(resource));
      }
      return groups;
    } catch (error) {
      throw toStackReadError(
        'action-groups',
        `action groups of ${group.resourceGroup}`,
        error,
      );
    }
  }

  async actionGroup(
    id: ArmResourceId,
  ): Promise<ActionGroupDefinition | undefined> {
    if (
      `${id.namespace}/${id.type}`.toLowerCase() !==
      'microsoft.insights/actiongroups'
    )
      return undefined;
    try {
      return actionGroup(
        await this.client(id.subscriptionId).actionGroups.get(
          id.resourceGroup,
          id.name,
        ),
      );
    } catch (error) {
      if (isRestError(error) && error.statusCode === 404) return undefined;
      throw toStackReadError('action-groups', `action group ${id.name}`, error);
    }
  }
}
