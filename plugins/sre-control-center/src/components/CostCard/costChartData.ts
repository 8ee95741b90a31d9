import type { CostSummary } from '@sre-control-center/plugin-sre-control-center-common';

/** One day of the month on the chart; values are cumulative, in the budget's currency. */
export interface CostChartPoint {
  date: string;
  /** Day of the month, the x axis. */
  day: number;
  /** Cumulative actual cost; null after the last day with figures. */
  actual: number | null;
  /** Straight line from the last actual day to the month's forecast; null before. */
  forecast: number | null;
  budget: number | null;
  /** 80 % of the budget: Azure's first budget alert. */
  budget80: number | null;
}

const DAY = 86_400_000;
const round = (value: number) => Math.round(value * 100) / 100;

/**
 * The month as chart points: cumulative actual cost per day from
 * `CostSummary.daily`, then the forecast to month end, with the budget and
 * its 80 % line on every day.
 */
export function costChartData(summary: CostSummary): CostChartPoint[] {
  const from = Date.parse(`${summary.period.from}T00:00:00Z`);
  const to = Date.parse(`${summary.period.to}T00:00:00Z`);
  const perDay = new Map(summary.daily.map(d => [d.date, d.cost]));
  const lastActual = summary.daily.reduce(
    (last, d) => (d.date > last ? d.date : last),
    '',
  );
  const budget = summary.budget?.amount ?? null;
  const points: CostChartPoint[] = [];
  let cumulative = 0;
  for (let t = from; t <= to; t += DAY) {
    const date = new Date(t).toISOString().slice(0, 10);
    const hasActual = lastActual !== '' && date <= lastActual;
    if (hasActual) cumulative += perDay.get(date) ?? 0;
    points.push({
      date,
      day: new Date(t).getUTCDate(),
      actual: hasActual ? round(cumulative) : null,
      forecast: null,
      budget,
      budget80: budget === null ? null : round(budget * 0.8),
    });
  }
  // Forecast: from the last actual point to the month's forecast total.
  const lastIndex = points.findIndex(p => p.date === lastActual);
  const start = lastIndex >= 0 ? lastIndex : -1;
  const startValue = start >= 0 ? points[start].actual ?? 0 : 0;
  const steps = points.length - 1 - start;
  if (steps > 0 && summary.forecast >= startValue) {
    for (let i = Math.max(start, 0); i < points.length; i++) {
      const share = (i - start) / steps;
      points[i].forecast = round(
        startValue + (summary.forecast - startValue) * Math.max(share, 0),
      );
    }
  }
  return points;
}
