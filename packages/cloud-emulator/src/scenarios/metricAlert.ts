import { EmulatorContext } from '../context';
import {
  ALERT_RULES,
  createMetricAlert,
  resolveAlert,
} from '../world/alertRules';
import { alertResourceId } from '../world/constants';
import { stableGuid } from '../world/random';
import { StoredAlert } from '../world/state';
import { notifyActionGroup } from './actionGroup';

export interface FiredAlert {
  alert: StoredAlert;
  result: {
    alertId: string;
    alertResourceId: string;
    alertRule: string;
    resolvesInMs: number | null;
  };
}

/**
 * Alert ids derive from rule and time so runs are repeatable; two firings of
 * one rule in the same millisecond still need distinct ids, as in Azure.
 */
function uniqueAlertId(
  ctx: EmulatorContext,
  ruleName: string,
  at: Date,
): string {
  const taken = new Set(ctx.state.alerts.map(a => a.alertId));
  let id = stableGuid(`${ruleName}@${at.toISOString()}`);
  for (let n = 1; taken.has(id); n++) {
    id = stableGuid(`${ruleName}@${at.toISOString()}#${n}`);
  }
  return id;
}

/**
 * Fires a metric alert: the alert appears in Alerts Management, the metric
 * misbehaves from the alert window on, the action group gets the Fired
 * payload, and after `resolveAfterMs` the alert resolves with a second payload.
 */
export function fireMetricAlert(
  ctx: EmulatorContext,
  ruleName: string,
  opts: { resolveAfterMs?: number | null } = {},
): FiredAlert {
  const rule = ALERT_RULES[ruleName];
  if (!rule) throw new Error(`Unknown alert rule '${ruleName}'`);
  const now = ctx.now();
  const alert = createMetricAlert(
    rule,
    now,
    uniqueAlertId(ctx, rule.name, now),
  );
  ctx.state.alerts.push(alert);
  const override = {
    resourceId: rule.targetResource,
    metricName: rule.metricName,
    from: alert.alertContext.condition.windowStartTime,
    to: undefined as string | undefined,
    value: rule.firingValue,
  };
  ctx.state.metricOverrides.push(override);
  notifyActionGroup(ctx, alert, `${rule.name}.Fired`);

  const resolvesInMs =
    opts.resolveAfterMs === undefined
      ? ctx.delays.resolveAfterMs
      : opts.resolveAfterMs;
  if (resolvesInMs !== null) {
    ctx.schedule(resolvesInMs, () => {
      if (alert.essentials.monitorCondition === 'Resolved') return undefined;
      const at = ctx.now();
      resolveAlert(alert, at);
      override.to = at.toISOString();
      return notifyActionGroup(ctx, alert, `${rule.name}.Resolved`);
    });
  }
  return {
    alert,
    result: {
      alertId: alert.alertId,
      alertResourceId: alertResourceId(alert.alertId),
      alertRule: rule.name,
      resolvesInMs,
    },
  };
}
