import { DailyCost, EmulatorState } from './state';
import { round } from './random';

const DAY = 86_400_000;

export function startOfMonthUtc(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
}

export function endOfMonthUtc(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0));
}

export function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function costsBetween(
  state: EmulatorState,
  fromDay: string,
  toDay: string,
  predicate: (c: DailyCost) => boolean = () => true,
): DailyCost[] {
  return state.dailyCosts.filter(
    c => c.date >= fromDay && c.date <= toDay && predicate(c),
  );
}

export function sumCost(costs: DailyCost[]): number {
  return costs.reduce((total, c) => total + c.cost, 0);
}

/** Actual spend of the current calendar month up to now. */
export function monthToDateSpend(state: EmulatorState, now: Date): number {
  return round(
    sumCost(costsBetween(state, isoDay(startOfMonthUtc(now)), isoDay(now))),
    2,
  );
}

/** Average of the last seven complete days, used for naive forecasts. */
export function dailyRunRate(state: EmulatorState, now: Date): number {
  const today = isoDay(now);
  const weekAgo = isoDay(new Date(now.getTime() - 7 * DAY));
  const lastWeek = state.dailyCosts.filter(
    c => c.date >= weekAgo && c.date < today,
  );
  return sumCost(lastWeek) / 7;
}

/** Month-to-date spend plus the run rate for the rest of the month. */
export function forecastMonthSpend(state: EmulatorState, now: Date): number {
  const end = endOfMonthUtc(now);
  const remainingDays = Math.max(
    0,
    (end.getTime() - Date.parse(isoDay(now))) / DAY,
  );
  return round(
    monthToDateSpend(state, now) + dailyRunRate(state, now) * remainingDays,
    2,
  );
}
