import { ConsumptionManagementClient } from '@azure/arm-consumption';
import {
  CostManagementClient,
  type QueryResult,
} from '@azure/arm-costmanagement';
import { isRestError } from '@azure/core-rest-pipeline';
import {
  CostsThrottled,
  type BudgetStatus,
  type CostSource,
  type UsageReport,
} from '../../domain/costs/ports';
import { normalizeArmId } from '../../domain/alerts/resourceIds';
import type { ArmAccess } from './armAccess';

/** Cost Management answers 429 with its own retry-after headers, not Retry-After. */
const RETRY_AFTER_HEADERS = [
  'x-ms-ratelimit-microsoft.costmanagement-qpu-retry-after',
  'x-ms-ratelimit-microsoft.costmanagement-entity-retry-after',
  'x-ms-ratelimit-microsoft.costmanagement-tenant-retry-after',
  'x-ms-ratelimit-microsoft.costmanagement-clienttype-retry-after',
  'retry-after',
];

function scopeParts(resourceGroupId: string) {
  const match = resourceGroupId.match(
    /^(\/subscriptions\/([^/]+))\/resourcegroups\/[^/]+$/i,
  );
  if (!match) throw new Error(`Not a resource group id: ${resourceGroupId}`);
  return { subscriptionScope: match[1], subscriptionId: match[2] };
}

/** Rows are positional; find each column by its name. */
function columns(result: QueryResult, ...names: string[]): number[] {
  const all = (result.columns ?? []).map(c => c.name?.toLowerCase());
  return names.map(name => {
    const index = all.indexOf(name.toLowerCase());
    if (index < 0)
      throw new Error(`Cost Management result has no ${name} column`);
    return index;
  });
}

const rowsOf = (result: QueryResult) => (result.rows ?? []) as unknown[][];

/** 20261128 → 2026-11-28 */
function usageDate(value: unknown): string {
  const s = String(value);
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
}

function throttled<T>(call: () => Promise<T>): Promise<T> {
  return call().catch(error => {
    if (isRestError(error) && error.statusCode === 429) {
      const headers = error.response?.headers;
      const seconds = Math.max(
        0,
        ...RETRY_AFTER_HEADERS.map(h => Number(headers?.get(h) ?? 0)).filter(
          Number.isFinite,
        ),
      );
      throw new CostsThrottled(seconds || 60);
    }
    throw error;
  });
}

const COST = { totalCost: { name: 'Cost', function: 'Sum' as const } };

/** Cost Management (query, forecast) and Consumption budgets through the ARM SDKs. */
export class AzureCostSource implements CostSource {
  private readonly costs: CostManagementClient;

  constructor(private readonly arm: ArmAccess) {
    this.costs = arm.prepare(
      new CostManagementClient(arm.credential, {
        ...arm.clientOptions,
        retryOptions: { maxRetries: 2 },
      }),
    );
  }

  async monthToDate(resourceGroupId: string): Promise<UsageReport> {
    const query = (dataset: object) =>
      throttled(() =>
        this.costs.query.usage(resourceGroupId, {
          type: 'ActualCost',
          timeframe: 'MonthToDate',
          dataset: { aggregation: COST, ...dataset },
        }),
      );
    // Three small queries rather than one grouped by both: each answer stays small.
    const daily = await query({ granularity: 'Daily' });
    const byService = await query({
      grouping: [{ type: 'Dimension', name: 'ServiceName' }],
    });
    const byResource = await query({
      grouping: [{ type: 'Dimension', name: 'ResourceId' }],
    });

    const [dCost, dDate, dCurrency] = columns(
      daily,
      'Cost',
      'UsageDate',
      'Currency',
    );
    const perDay = new Map<string, number>();
    for (const row of rowsOf(daily)) {
      const date = usageDate(row[dDate]);
      perDay.set(date, (perDay.get(date) ?? 0) + Number(row[dCost]));
    }
    const [sCost, sName] = columns(byService, 'Cost', 'ServiceName');
    const [rCost, rId] = columns(byResource, 'Cost', 'ResourceId');
    return {
      currency: String(rowsOf(daily)[0]?.[dCurrency] ?? 'EUR'),
      daily: [...perDay].map(([date, cost]) => ({ date, cost })),
      byService: rowsOf(byService).map(r => ({
        name: String(r[sName]),
        cost: Number(r[sCost]),
      })),
      byResource: rowsOf(byResource).map(r => ({
        resourceId: normalizeArmId(String(r[rId])),
        cost: Number(r[rCost]),
      })),
    };
  }

  async monthForecast(
    resourceGroupId: string,
    month: { from: Date; to: Date },
  ): Promise<number> {
    const result = await throttled(() =>
      this.costs.forecast.usage(resourceGroupId, {
        type: 'ActualCost',
        timeframe: 'Custom',
        timePeriod: month,
        dataset: { granularity: 'Daily', aggregation: COST },
        includeActualCost: true,
        includeFreshPartialCost: false,
      }),
    );
    const [cost] = columns(result, 'Cost');
    return rowsOf(result).reduce((sum, row) => sum + Number(row[cost]), 0);
  }

  async budget(
    resourceGroupId: string,
    name: string,
  ): Promise<BudgetStatus | undefined> {
    const { subscriptionScope, subscriptionId } = scopeParts(resourceGroupId);
    const client = this.arm.prepare(
      new ConsumptionManagementClient(
        this.arm.credential,
        subscriptionId,
        this.arm.clientOptions,
      ),
    );
    // A budget may be set on the resource group or on its subscription.
    for (const scope of [resourceGroupId, subscriptionScope]) {
      try {
        const budget = await client.budgets.get(scope, name);
        return {
          name: budget.name ?? name,
          amount: budget.amount ?? 0,
          notifications: Object.values(budget.notifications ?? {})
            .filter(n => n.enabled)
            .map(n => ({
              percent: n.threshold,
              basis:
                n.thresholdType === 'Forecasted'
                  ? ('Forecasted' as const)
                  : ('Actual' as const),
            })),
        };
      } catch (error) {
        if (!(isRestError(error) && error.statusCode === 404)) throw error;
      }
    }
    return undefined;
  }
}
