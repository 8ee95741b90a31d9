import type { PlanReader, ProjectBudget } from './ports';
import type { ResolvedAction } from './types';

export interface BudgetCheckDeps {
  plans: PlanReader;
  budget: ProjectBudget;
  /** Monthly price of an App Service plan SKU in the budget's currency. */
  monthlyPrice: (sku: string) => number | undefined;
}

/**
 * Why scaling would break the budget, or undefined when it would not (or
 * when nothing is known about the budget: the figures refresh every few
 * minutes, and a missing figure must not block an incident fix).
 *
 * The check is steady-state: this month's forecast plus a whole month of the
 * price difference, i.e. what the bill becomes if the plan stays scaled up.
 */
export async function budgetBreach(
  entityRef: string,
  scaleActions: ResolvedAction[],
  deps: BudgetCheckDeps,
): Promise<string | undefined> {
  if (scaleActions.length === 0) return undefined;
  const figures = await deps.budget.forecastAndBudget(entityRef);
  if (!figures || figures.budget === null) return undefined;
  let added = 0;
  const steps: string[] = [];
  for (const { action, resourceId } of scaleActions) {
    const target = action.target_sku!;
    const current = await deps.plans.currentSku(resourceId);
    const from = deps.monthlyPrice(current);
    const to = deps.monthlyPrice(target);
    if (from === undefined || to === undefined) {
      return `No monthly price is known for ${
        from === undefined ? current : target
      } (sreControlCenter.planPrices), so the budget cannot be checked`;
    }
    added += to - from;
    steps.push(`${action.resource} ${current} → ${target}`);
  }
  const projected = figures.forecast + added;
  if (added <= 0 || projected <= figures.budget) return undefined;
  const money = (n: number) => `${n.toFixed(2)} ${figures.currency}`;
  return `Scaling ${steps.join(', ')} adds ${money(
    added,
  )} a month: forecast ${money(figures.forecast)} becomes ${money(
    projected,
  )}, over the budget of ${money(figures.budget)}`;
}
