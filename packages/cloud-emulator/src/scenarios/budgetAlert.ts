import { randomUUID } from 'node:crypto';
import { EmulatorContext } from '../context';
import { COST_PROFILE } from '../world/seed';
import { CURRENCY, SUBSCRIPTION_ID } from '../world/constants';
import { isoDay, monthToDateSpend } from '../world/costs';
import { round } from '../world/random';
import { sendActionGroupWebhook } from './actionGroup';

const euro = (amount: number) =>
  `€${amount.toLocaleString('en-US', {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  })}`;

/**
 * Pushes month-to-date spend over a budget threshold (a Log Analytics
 * ingestion spike today) and sends the Cost Management budget alert that
 * Azure delivers through the action group in the common alert schema.
 */
export function crossBudgetThreshold(
  ctx: EmulatorContext,
  thresholdPercent: 80 | 100,
) {
  const budget = ctx.state.budgets[0];
  if (!budget) throw new Error('No budget in the emulated world');
  const now = ctx.now();
  const notificationKey = Object.keys(budget.notifications).find(
    k => budget.notifications[k].threshold === thresholdPercent,
  );
  const thresholdAmount = round((budget.amount * thresholdPercent) / 100, 2);
  const target = round(thresholdAmount + budget.amount * 0.025, 2);
  const before = monthToDateSpend(ctx.state, now);
  if (before < target) {
    const logAnalytics = COST_PROFILE.find(
      p => p.serviceName === 'Log Analytics',
    )!;
    const { perDay: _perDay, ...rest } = logAnalytics;
    ctx.state.dailyCosts.push({
      ...rest,
      date: isoDay(now),
      cost: round(target - before, 4),
    });
  }
  const spent = monthToDateSpend(ctx.state, now);
  const payload = {
    schemaId: 'azureMonitorCommonAlertSchema',
    data: {
      essentials: {
        monitoringService: 'CostAlerts',
        firedDateTime: now.toISOString(),
        description: `Your spend for budget ${budget.name} is now ${euro(
          spent,
        )} exceeding your specified threshold ${euro(thresholdAmount)}.`,
        essentialsVersion: '1.0',
        alertContextVersion: '1.0',
        alertId: `/subscriptions/${SUBSCRIPTION_ID}/providers/Microsoft.CostManagement/alerts/${randomUUID()}`,
        alertRule: null,
        severity: null,
        signalType: null,
        monitorCondition: null,
        alertTargetIDs: null,
        configurationItems: ['budgets'],
        originAlertId: null,
      },
      alertContext: {
        AlertCategory: 'budgets',
        AlertData: {
          Scope: `/subscriptions/${SUBSCRIPTION_ID}/`,
          ThresholdType: 'Actual',
          BudgetType: 'Cost',
          BudgetThreshold: euro(budget.amount),
          NotificationThresholdAmount: euro(thresholdAmount),
          BudgetName: budget.name,
          BudgetId: `/subscriptions/${SUBSCRIPTION_ID}/providers/Microsoft.Consumption/budgets/${budget.name}`,
          BudgetStartDate: budget.startDate.slice(0, 10),
          BudgetCreator: 'maya@mindfulmoments.dev',
          Unit: CURRENCY,
          SpentAmount: euro(spent),
        },
      },
    },
  };
  sendActionGroupWebhook(ctx, `${budget.name}.${thresholdPercent}`, payload);
  return {
    budget: budget.name,
    notification: notificationKey,
    spentBefore: before,
    spent,
    thresholdAmount,
  };
}
