import type { ProjectResolver } from '../alerts/ports';
import {
  CostsThrottled,
  type CostSnapshotStore,
  type CostSource,
} from './ports';
import { monthOf, summarizeCosts } from './summarizeCosts';

/** Figures younger than this are not fetched again (Cost Management updates a few times a day). */
export const COST_MAX_AGE_MS = 30 * 60_000;

export interface CostRefreshReport {
  refreshed: string[];
  /** Projects whose figures were fresh enough. */
  skipped: string[];
  failures: Array<{
    entityRef: string;
    error: string;
    retryAfterSeconds?: number;
  }>;
}

/**
 * Refreshes the cost snapshot of every project whose figures are missing,
 * older than COST_MAX_AGE_MS or failed last time. Run often (every minute),
 * it picks up a new project at once without querying Cost Management more
 * than needed. A failure (throttling, missing access) keeps the previous
 * figures and records why they are not fresh; when Cost Management
 * throttles, the remaining projects wait for the next run.
 */
export class CostRefresher {
  constructor(
    private readonly options: {
      projects: ProjectResolver;
      source: CostSource;
      store: CostSnapshotStore;
      now?: () => Date;
    },
  ) {}

  async refresh(): Promise<CostRefreshReport> {
    const { projects, source, store } = this.options;
    const report: CostRefreshReport = {
      refreshed: [],
      skipped: [],
      failures: [],
    };
    for (const project of await projects.listProjects()) {
      const now = this.options.now?.() ?? new Date();
      const previous = await store.get(project.entityRef);
      if (
        previous &&
        !previous.lastError &&
        now.getTime() - Date.parse(previous.refreshedAt) < COST_MAX_AGE_MS
      ) {
        report.skipped.push(project.entityRef);
        continue;
      }
      try {
        const [usage, forecast, budget] = await Promise.all([
          source.monthToDate(project.resourceGroupId),
          source.monthForecast(project.resourceGroupId, monthOf(now)),
          project.budgetName
            ? source.budget(project.resourceGroupId, project.budgetName)
            : Promise.resolve(undefined),
        ]);
        await store.save(
          summarizeCosts({
            entityRef: project.entityRef,
            usage,
            forecast,
            budget,
            now,
          }),
        );
        report.refreshed.push(project.entityRef);
      } catch (error) {
        const message = (error as Error).message;
        if (previous) await store.save({ ...previous, lastError: message });
        report.failures.push({
          entityRef: project.entityRef,
          error: message,
          ...(error instanceof CostsThrottled
            ? { retryAfterSeconds: error.retryAfterSeconds }
            : {}),
        });
        if (error instanceof CostsThrottled) break;
      }
    }
    return report;
  }
}
