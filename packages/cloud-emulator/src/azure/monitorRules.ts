import { Request, Response, Router } from 'express';
import { EmulatorContext } from '../context';
import { RESOURCE_GROUP_ID } from '../world/constants';
import { actionGroupId } from '../world/monitoring';
import { ActionGroupState, MetricAlertRuleState } from '../world/state';
import { checkApiVersion, resourceNotFound } from './armHttp';
import { checkResourceGroup, checkSubscription } from './subscription';

/** metricAlerts versions; 2026-01-01 is @azure/arm-monitor 8's. */
export const METRIC_ALERT_API_VERSIONS = [
  '2018-03-01',
  '2024-03-01-preview',
  '2026-01-01',
] as const;
/** actionGroups versions; 2024-10-01-preview is @azure/arm-monitor 8's. */
export const ACTION_GROUP_API_VERSIONS = [
  '2021-09-01',
  '2022-06-01',
  '2023-01-01',
  '2024-10-01-preview',
] as const;

/**
 * A metric alert rule as GET returns it; keys follow
 * getMetricAlertSingleResource.json in azure-rest-api-specs
 * specification/monitor/resource-manager/Microsoft.Insights/stable/2018-03-01/examples.
 */
export function toArmMetricAlert(rule: MetricAlertRuleState) {
  return {
    id: `${RESOURCE_GROUP_ID}/providers/microsoft.insights/metricAlerts/${rule.name}`,
    name: rule.name,
    type: 'Microsoft.Insights/metricAlerts',
    location: 'global',
    tags: rule.tags,
    properties: {
      description: rule.description,
      severity: rule.severity,
      enabled: rule.enabled,
      scopes: rule.scopes,
      evaluationFrequency: rule.evaluationFrequency,
      windowSize: rule.windowSize,
      targetResourceType: rule.targetResourceType,
      targetResourceRegion: 'westeurope',
      criteria: {
        'odata.type':
          'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria',
        allOf: rule.criteria.map(c => ({
          criterionType: 'StaticThresholdCriterion',
          name: c.name,
          metricName: c.metricName,
          metricNamespace: c.metricNamespace,
          dimensions: [],
          operator: c.operator,
          threshold: c.threshold,
          timeAggregation: c.timeAggregation,
          skipMetricValidation: false,
        })),
      },
      autoMitigate: true,
      actions: rule.actionGroupIds.map(id => ({
        actionGroupId: id,
        webHookProperties: {},
      })),
      lastUpdatedTime: rule.lastUpdatedTime,
      isMigrated: false,
    },
  };
}

/**
 * An action group as GET returns it (getActionGroup.json, 2023-01-01
 * examples). Receivers the seeded world does not use are empty lists.
 */
export function toArmActionGroup(group: ActionGroupState) {
  return {
    id: actionGroupId(group.name),
    name: group.name,
    type: 'Microsoft.Insights/ActionGroups',
    location: 'Global',
    tags: group.tags,
    properties: {
      groupShortName: group.shortName,
      enabled: group.enabled,
      emailReceivers: group.emailReceivers.map(r => ({
        ...r,
        status: 'Enabled',
      })),
      smsReceivers: [],
      webhookReceivers: group.webhookReceivers,
      itsmReceivers: [],
      azureAppPushReceivers: [],
      automationRunbookReceivers: [],
      voiceReceivers: [],
      logicAppReceivers: [],
      azureFunctionReceivers: [],
      armRoleReceivers: [],
      eventHubReceivers: [],
    },
  };
}

export function monitorRulesRouter(ctx: EmulatorContext): Router {
  const router = Router();
  const rg =
    '^/subscriptions/([^/]+)/resourceGroups/([^/]+)/providers/Microsoft\\.Insights';
  const guard =
    (versions: readonly string[], type: string) =>
    (req: Request, res: Response) =>
      checkSubscription(res, req.params[0]) &&
      checkResourceGroup(res, req.params[1]) &&
      checkApiVersion(req, res, versions, type);
  const alertGuard = guard(METRIC_ALERT_API_VERSIONS, 'metricAlerts');
  const groupGuard = guard(ACTION_GROUP_API_VERSIONS, 'actionGroups');
  const named = <T extends { name: string }>(items: T[], name: string) =>
    items.find(i => i.name.toLowerCase() === name.toLowerCase());

  router.get(new RegExp(`${rg}/metricAlerts/?$`, 'i'), (req, res) => {
    if (!alertGuard(req, res)) return;
    res.json({ value: ctx.state.metricAlertRules.map(toArmMetricAlert) });
  });
  router.get(new RegExp(`${rg}/metricAlerts/([^/]+)/?$`, 'i'), (req, res) => {
    if (!alertGuard(req, res)) return;
    const rule = named(ctx.state.metricAlertRules, req.params[2]);
    if (!rule) {
      resourceNotFound(
        res,
        'Microsoft.Insights/metricAlerts',
        req.params[2],
        req.params[1],
      );
      return;
    }
    res.json(toArmMetricAlert(rule));
  });
  router.get(new RegExp(`${rg}/actionGroups/?$`, 'i'), (req, res) => {
    if (!groupGuard(req, res)) return;
    res.json({
      value: ctx.state.actionGroups.map(toArmActionGroup),
      nextLink: null,
    });
  });
  router.get(new RegExp(`${rg}/actionGroups/([^/]+)/?$`, 'i'), (req, res) => {
    if (!groupGuard(req, res)) return;
    const group = named(ctx.state.actionGroups, req.params[2]);
    if (!group) {
      resourceNotFound(
        res,
        'Microsoft.Insights/actionGroups',
        req.params[2],
        req.params[1],
      );
      return;
    }
    res.json(toArmActionGroup(group));
  });
  return router;
}
