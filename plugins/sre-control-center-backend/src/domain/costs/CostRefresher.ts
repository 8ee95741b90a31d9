import type { BudgetNotificationHandler } from '../alerts/ports';
import type { ProjectResolver, ProjectScope } from '../projects';
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
type Failure = CostRefreshReport['failures'][number];

/** Tells open pages that a project's cost figures changed. */
export interface CostPublisher {
  costsChanged(entityRef: string): Promise<void>;
}

export class CostRefresher implements BudgetNotificationHandler {
  constructor(
    private readonly options: {
      projects: ProjectResolver;
      source: CostSource;
      store: CostSnapshotStore;
      publisher?: CostPublisher;
      now?: () => Date;
    },
  ) {}

  async refresh(): Promise<CostRefreshReport> {
    const report: CostRefreshReport = {
      refreshed: [],
      skipped: [],
      failures: [],
    };
    for (const project of await this.options.projects.listProjects()) {
      const outcome = await this.refreshProject(project, false);
      if (outcome === 'skipped') {
        report.skipped.push(project.entityRef);
      } else if (outcome === 'refreshed') {
        report.refreshed.push(project.entityRef);
      } else {
        report.failures.push(outcome);
        if (outcome.retryAfterSeconds !== undefined) break;
      }
    }
    return report;
  }

  /**
   * A budget alert arrived: refresh the projects using that budget now,
   * whatever the age of their figures, so the page shows the crossing.
   */
  async budgetCrossed(budgetName: string): Promise<string | undefined> {
    const matching = (await this.options.projects.listProjects()).filter(
      p => p.budgetName?.toLowerCase() === budgetName.toLowerCase(),
    );
    if (matching.length === 0) {
      return `no catalog System has the annotation sre-control-center/budget=${budgetName}`;
    }
    const errors: string[] = [];
    for (const project of matching) {
      const outcome = await this.refreshProject(project, true);
      if (typeof outcome === 'object')
        errors.push(`${outcome.entityRef}: ${outcome.error}`);
    }
    return errors.length > 0 ? errors.join('; ') : undefined;
  }

  private async refreshProject(
    project: ProjectScope,
    force: boolean,
  ): Promise<'skipped' | 'refreshed' | Failure> {
    const { source, store, publisher } = this.options;
    const now = this.options.now?.() ?? new Date();
    const previous = await store.get(project.entityRef);
    if (
      !force &&
      previous &&
      !previous.lastError &&
      now.getTime() - Date.parse(previous.refreshedAt) < COST_MAX_AGE_MS
    ) {
      return 'skipped';
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
      await publisher?.costsChanged(project.entityRef);
      return 'refreshed';
    } catch (error) {
      const message = (error as Error).message;
      if (previous) await store.save({ ...previous, lastError: message });
      return {
        entityRef: project.entityRef,
        error: message,
        ...(error instanceof CostsThrottled
          ? { retryAfterSeconds: error.retryAfterSeconds }
          : {}),
      };
    }
  }
}
