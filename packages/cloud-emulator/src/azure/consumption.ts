import { Request, Response, Router } from 'express';
import { EmulatorContext } from '../context';
import { CURRENCY, SUBSCRIPTION_ID } from '../world/constants';
import { forecastMonthSpend, monthToDateSpend } from '../world/costs';
import { BudgetState } from '../world/state';
import { checkApiVersion, sendArmError } from './armHttp';
import { checkSubscription, subscriptionOfScope } from './subscription';

/** 2021-10-01 is the default of @azure/arm-consumption 9.2.0. */
export const CONSUMPTION_API_VERSIONS = [
  '2019-10-01',
  '2021-10-01',
  '2023-03-01',
  '2023-05-01',
  '2023-11-01',
  '2024-08-01',
] as const;

/** Budget as Microsoft.Consumption/budgets returns it (see examples/Budget.json). */
export function toArmBudget(ctx: EmulatorContext, budget: BudgetState) {
  const now = ctx.now();
  return {
    id: `/subscriptions/${SUBSCRIPTION_ID}${
      budget.resourceGroup ? `/resourceGroups/${budget.resourceGroup}` : ''
    }/providers/Microsoft.Consumption/budgets/${budget.name}`,
    name: budget.name,
    type: 'Microsoft.Consumption/budgets',
    eTag: budget.eTag,
    properties: {
      category: 'Cost',
      amount: budget.amount,
      timeGrain: budget.timeGrain,
      timePeriod: { startDate: budget.startDate, endDate: budget.endDate },
      currentSpend: {
        amount: monthToDateSpend(ctx.state, now),
        unit: CURRENCY,
      },
      forecastSpend: {
        amount: forecastMonthSpend(ctx.state, now),
        unit: CURRENCY,
      },
      notifications: budget.notifications,
    },
  };
}

export function consumptionRouter(ctx: EmulatorContext): Router {
  const router = Router();
  const guard = (req: Request, res: Response): boolean => {
    const sub = subscriptionOfScope(req.params[0]);
    if (!sub) {
      sendArmError(
        res,
        400,
        'BadRequest',
        `Scope '${req.params[0]}' is not supported by the emulator; use a subscription scope.`,
      );
      return false;
    }
    if (!checkSubscription(res, sub)) return false;
    return checkApiVersion(req, res, CONSUMPTION_API_VERSIONS, 'budgets');
  };
  // A budget is listed at the scope it was created at: its resource group
  // (as the Terraform creates the project's) or the subscription.
  const atScope = (scope: string) => {
    const group = /\/resourceGroups\/([^/]+)\/?$/i.exec(scope)?.[1];
    return ctx.state.budgets.filter(b =>
      group
        ? b.resourceGroup?.toLowerCase() === group.toLowerCase()
        : !b.resourceGroup,
    );
  };

  router.get(
    /^(.*)\/providers\/Microsoft\.Consumption\/budgets\/?$/i,
    (req, res) => {
      if (!guard(req, res)) return;
      res.json({
        value: atScope(req.params[0]).map(b => toArmBudget(ctx, b)),
      });
    },
  );

  router.get(
    /^(.*)\/providers\/Microsoft\.Consumption\/budgets\/([^/]+)\/?$/i,
    (req, res) => {
      if (!guard(req, res)) return;
      const budget = atScope(req.params[0]).find(
        b => b.name.toLowerCase() === req.params[1].toLowerCase(),
      );
      if (!budget) {
        sendArmError(
          res,
          404,
          'NotFound',
          `Budget '${req.params[1]}' not found for scope '${req.params[0]}'.`,
        );
        return;
      }
      res.json(toArmBudget(ctx, budget));
    },
  );

  return router;
}
