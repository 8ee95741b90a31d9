import { budgetBreach, type BudgetCheckDeps } from './budgetCheck';
import type { ResolvedAction } from './types';

const scaleTo = (sku: string): ResolvedAction => ({
  action: {
    type: 'scale',
    resource: 'asp-mindful-moments-dev',
    target_sku: sku,
    approval_required: true,
  },
  entityRef: 'system:default/mindful-moments',
  resourceId:
    '/subscriptions/s/resourcegroups/rg/providers/microsoft.web/serverfarms/asp-mindful-moments-dev',
});
const prices: Record<string, number> = { B1: 12.41, B2: 24.82, P3v3: 455.52 };
const deps = (forecast: number, budget: number | null): BudgetCheckDeps => ({
  plans: { currentSku: async () => 'B1' },
  monthlyPrice: sku => prices[sku],
  budget: {
    forecastAndBudget: async () => ({ forecast, budget, currency: 'EUR' }),
  },
});

describe('budgetBreach', () => {
  it('allows a scale-up that stays within the budget', async () => {
    await expect(
      budgetBreach('system:default/x', [scaleTo('B2')], deps(90, 120)),
    ).resolves.toBeUndefined();
  });

  it('names the figures when the scale-up would break the budget', async () => {
    await expect(
      budgetBreach('system:default/x', [scaleTo('B2')], deps(110, 120)),
    ).resolves.toBe(
      'Scaling asp-mindful-moments-dev B1 → B2 adds 12.41 EUR a month: forecast 110.00 EUR becomes 122.41 EUR, over the budget of 120.00 EUR',
    );
  });

  it('does not block when nothing is known about the budget', async () => {
    await expect(
      budgetBreach('system:default/x', [scaleTo('P3v3')], deps(110, null)),
    ).resolves.toBeUndefined();
  });

  it('asks for a confirmation when a price is unknown', async () => {
    await expect(
      budgetBreach('system:default/x', [scaleTo('S9')], deps(10, 120)),
    ).resolves.toMatch(/No monthly price is known for S9/);
  });
});
