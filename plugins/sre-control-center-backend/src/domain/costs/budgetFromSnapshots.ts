import type { ProjectBudget } from '../runbooks/ports';
import type { CostSnapshotStore } from './ports';

/** The budget check's view of a project's month: its last cost snapshot. */
export function budgetFromSnapshots(costs: CostSnapshotStore): ProjectBudget {
  return {
    async forecastAndBudget(entityRef) {
      const summary = await costs.get(entityRef);
      if (!summary) return undefined;
      return {
        forecast: summary.forecast,
        budget: summary.budget?.amount ?? null,
        currency: summary.currency,
      };
    },
  };
}
