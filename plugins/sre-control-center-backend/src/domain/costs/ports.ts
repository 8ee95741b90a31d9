import type { CostSummary } from '@sre-control-center/plugin-sre-control-center-common';

/** Month-to-date usage of one resource group, as Cost Management reports it. */
export interface UsageReport {
  currency: string;
  daily: Array<{ date: string; cost: number }>;
  byService: Array<{ name: string; cost: number }>;
  byResource: Array<{ resourceId: string; cost: number }>;
}

export interface BudgetStatus {
  name: string;
  amount: number;
  /** Budget notification thresholds, percent of the amount. */
  notifications: Array<{ percent: number; basis: 'Actual' | 'Forecasted' }>;
}

/** Azure's side of costs. */
export interface CostSource {
  monthToDate(resourceGroupId: string): Promise<UsageReport>;
  /** Forecast total for the whole month (actual so far plus forecast), in the usage currency. */
  monthForecast(
    resourceGroupId: string,
    month: { from: Date; to: Date },
  ): Promise<number>;
  /** The named budget at the resource group's or its subscription's scope. */
  budget(
    resourceGroupId: string,
    name: string,
  ): Promise<BudgetStatus | undefined>;
}

/** Cost Management allows a few queries a minute; it says when to come back. */
export class CostsThrottled extends Error {
  readonly name = 'CostsThrottled';
  constructor(readonly retryAfterSeconds: number) {
    super(`Cost Management is throttling; retry after ${retryAfterSeconds} s`);
  }
}

/** The last cost figures per project. */
export interface CostSnapshotStore {
  get(entityRef: string): Promise<CostSummary | undefined>;
  save(summary: CostSummary): Promise<void>;
}
