import { Request, Response, Router } from 'express';
import { EmulatorContext } from '../context';
import { alertProcessingRuleId } from '../world/alertProcessing';
import { AlertProcessingRuleState } from '../world/state';
import {
  InvalidRuleError,
  parseAlertProcessingRule,
} from './alertProcessingRuleInput';
import { callerName, checkApiVersion, sendArmError } from './armHttp';
import { checkResourceGroup, checkSubscription } from './subscription';

/** `Microsoft.AlertsManagement/actionRules` has one stable version, with no SDK on npm. */
export const ALERT_PROCESSING_RULES_API_VERSIONS = ['2021-08-08'] as const;

const PROVIDER = '/providers/Microsoft\\.AlertsManagement/actionRules';
const SUB = '^/subscriptions/([^/]+)';
const RG = `${SUB}/resourceGroups/([^/]+)`;

/** The rule as the 2021-08-08 API returns it (AlertProcessingRules_GetById.json). */
export function toArmAlertProcessingRule(rule: AlertProcessingRuleState) {
  return {
    id: alertProcessingRuleId(rule),
    type: 'Microsoft.AlertsManagement/actionRules',
    name: rule.name,
    location: rule.location,
    tags: rule.tags,
    systemData: rule.systemData,
    properties: rule.properties,
  };
}

function ruleNotFound(res: Response, name: string, rg: string) {
  sendArmError(
    res,
    404,
    'ResourceNotFound',
    `The Resource 'Microsoft.AlertsManagement/actionRules/${name}' under resource group '${rg}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`,
  );
}

export function alertProcessingRulesRouter(ctx: EmulatorContext): Router {
  const router = Router();
  const guard = (req: Request, res: Response, withGroup: boolean) =>
    checkSubscription(res, req.params[0]) &&
    (!withGroup || checkResourceGroup(res, req.params[1])) &&
    checkApiVersion(
      req,
      res,
      ALERT_PROCESSING_RULES_API_VERSIONS,
      'actionRules',
    );
  const rules = () => ctx.state.alertProcessingRules;
  const find = (rg: string, name: string) =>
    rules().find(
      r =>
        r.resourceGroup.toLowerCase() === rg.toLowerCase() &&
        r.name.toLowerCase() === name.toLowerCase(),
    );

  router.get(new RegExp(`${SUB}${PROVIDER}/?$`, 'i'), (req, res) => {
    if (!guard(req, res, false)) return;
    res.json({ value: rules().map(toArmAlertProcessingRule) });
  });

  router.get(new RegExp(`${RG}${PROVIDER}/?$`, 'i'), (req, res) => {
    if (!guard(req, res, true)) return;
    const rg = req.params[1].toLowerCase();
    res.json({
      value: rules()
        .filter(r => r.resourceGroup.toLowerCase() === rg)
        .map(toArmAlertProcessingRule),
    });
  });

  const one = new RegExp(`${RG}${PROVIDER}/([^/]+)/?$`, 'i');

  router.get(one, (req, res) => {
    if (!guard(req, res, true)) return;
    const rule = find(req.params[1], req.params[2]);
    if (!rule) {
      ruleNotFound(res, req.params[2], req.params[1]);
      return;
    }
    res.json(toArmAlertProcessingRule(rule));
  });

  router.put(one, (req, res) => {
    if (!guard(req, res, true)) return;
    let input: ReturnType<typeof parseAlertProcessingRule>;
    try {
      input = parseAlertProcessingRule(req.body);
    } catch (err) {
      if (err instanceof InvalidRuleError) {
        sendArmError(res, 400, 'BadRequest', err.message);
        return;
      }
      throw err;
    }
    if (!input.location) {
      sendArmError(
        res,
        400,
        'LocationRequired',
        'The location property is required for this definition.',
      );
      return;
    }
    // Alert processing rules are global resources.
    if (input.location.toLowerCase() !== 'global') {
      sendArmError(
        res,
        400,
        'LocationNotAvailableForResourceType',
        `The provided location '${input.location}' is not available for resource type 'Microsoft.AlertsManagement/actionRules'. List of available regions for the resource type is 'global'.`,
      );
      return;
    }
    const who = callerName(req);
    const at = ctx.now().toISOString();
    const existing = find(req.params[1], req.params[2]);
    const rule: AlertProcessingRuleState = {
      name: existing?.name ?? req.params[2],
      resourceGroup: existing?.resourceGroup ?? req.params[1],
      location: 'Global',
      tags: input.tags,
      properties: input.properties,
      systemData: {
        createdBy: existing?.systemData.createdBy ?? who,
        createdByType: 'User',
        createdAt: existing?.systemData.createdAt ?? at,
        lastModifiedBy: who,
        lastModifiedByType: 'User',
        lastModifiedAt: at,
      },
    };
    if (existing) Object.assign(existing, rule);
    else rules().push(rule);
    res.status(existing ? 200 : 201).json(toArmAlertProcessingRule(rule));
  });

  // PATCH only toggles `enabled` and replaces tags (PatchObject in the spec).
  router.patch(one, (req, res) => {
    if (!guard(req, res, true)) return;
    const rule = find(req.params[1], req.params[2]);
    if (!rule) {
      ruleNotFound(res, req.params[2], req.params[1]);
      return;
    }
    const body: unknown = req.body;
    const patch = (
      typeof body === 'object' && body !== null ? body : {}
    ) as Record<string, unknown>;
    const props = (
      typeof patch.properties === 'object' && patch.properties !== null
        ? patch.properties
        : {}
    ) as Record<string, unknown>;
    if (props.enabled !== undefined && typeof props.enabled !== 'boolean') {
      sendArmError(
        res,
        400,
        'BadRequest',
        'Invalid input parameters: properties.enabled must be a boolean.',
      );
      return;
    }
    if (typeof props.enabled === 'boolean') {
      rule.properties.enabled = props.enabled;
    }
    if (typeof patch.tags === 'object' && patch.tags !== null) {
      rule.tags = patch.tags as Record<string, string>;
    }
    rule.systemData.lastModifiedBy = callerName(req);
    rule.systemData.lastModifiedAt = ctx.now().toISOString();
    res.json(toArmAlertProcessingRule(rule));
  });

  router.delete(one, (req, res) => {
    if (!guard(req, res, true)) return;
    const rule = find(req.params[1], req.params[2]);
    // Like ARM deletes: 200 when something was deleted, 204 when there was nothing.
    if (!rule) {
      res.status(204).end();
      return;
    }
    rules().splice(rules().indexOf(rule), 1);
    res.status(200).end();
  });

  return router;
}
