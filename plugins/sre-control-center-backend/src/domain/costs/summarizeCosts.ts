import type { CostSummary } from '@sre-control-center/plugin-sre-control-center-common';
import type { BudgetStatus, UsageReport } from './ports';

/** The thresholds the architecture promises when a budget defines none. */
const DEFAULT_THRESHOLDS: BudgetStatus['notifications'] = [
  { percent: 80, basis: 'Actual' },
  { percent: 100, basis: 'Actual' },
];

const round2 = (n: number) => Math.round(n * 100) / 100;
const day = (d: Date) => d.toISOString().slice(0, 10);

/** The calendar month (UTC) that contains `now`. */
export function monthOf(now: Date): { from: Date; to: Date } {
  const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const to = new Date(
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 0, 23, 59, 59),
  );
  return { from, to };
}

/** Short name of an ARM resource id (its last segment). */
export function resourceName(resourceId: string): string {
  return resourceId.split('/').filter(Boolean).pop() ?? resourceId;
}

/**
 * Puts month-to-date usage, the month's forecast and the budget together:
 * totals, shares of the budget, and which thresholds are crossed.
 */
export function summarizeCosts(input: {
  entityRef: string;
  usage: UsageReport;
  forecast: number;
  budget: BudgetStatus | undefined;
  now: Date;
}): CostSummary {
  const { usage, budget, now } = input;
  const monthToDate = round2(usage.daily.reduce((sum, d) => sum + d.cost, 0));
  // Forecast can lag behind fresh actuals; never show less than what is spent.
  const forecast = round2(Math.max(input.forecast, monthToDate));
  const month = monthOf(now);
  let budgetPart: CostSummary['budget'] = null;
  if (budget && budget.amount > 0) {
    const percentUsed = round2((monthToDate / budget.amount) * 100);
    const forecastPercent = round2((forecast / budget.amount) * 100);
    const notifications =
      budget.notifications.length > 0
        ? budget.notifications
        : DEFAULT_THRESHOLDS;
    budgetPart = {
      name: budget.name,
      amount: budget.amount,
      percentUsed,
      forecastPercent,
      thresholds: [...notifications]
        .sort((a, b) => a.percent - b.percent)
        .map(n => ({
          percent: n.percent,
          basis: n.basis,
          crossed:
            (n.basis === 'Actual' ? percentUsed : forecastPercent) >= n.percent,
        })),
    };
  }
  return {
    entityRef: input.entityRef,
    currency: usage.currency,
    period: { from: day(month.from), to: day(month.to) },
    monthToDate,
    forecast,
    budget: budgetPart,
    byService: [...usage.byService]
      .sort((a, b) => b.cost - a.cost)
      .map(s => ({ name: s.name, cost: round2(s.cost) })),
    byResource: [...usage.byResource]
      .sort((a, b) => b.cost - a.cost)
      .map(r => ({
        resourceId: r.resourceId,
        name: resourceName(r.resourceId),
        cost: round2(r.cost),
      })),
    daily: [...usage.daily].sort((a, b) => a.date.localeCompare(b.date)),
    refreshedAt: now.toISOString(),
    lastError: null,
  };
}
