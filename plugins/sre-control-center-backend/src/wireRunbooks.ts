import type {
  AuditorService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import type { Alert } from '@sre-control-center/plugin-sre-control-center-common';
import { randomUUID } from 'node:crypto';
import type { ArmAccess } from './adapters/azure/armAccess';
import { AzureRunbookActions } from './adapters/azure/AzureRunbookActions';
import { DEFAULT_PLAN_PRICES_EUR } from './adapters/azure/planTiers';
import { PostgresQueryAction } from './adapters/postgres/PostgresQueryAction';
import { RunbookActionRunner } from './adapters/RunbookActionRunner';
import type { SreControlCenterConfig } from './config';
import type { AlertRepository } from './domain/alerts';
import type { CostSnapshotStore } from './domain/costs/ports';
import type { ProjectResolver } from './domain/projects';
import {
  RunbookCatalog,
  RunDecisions,
  RunExecutor,
  RunRequests,
  RunSweeper,
  runbookIdOf,
  type RunPublisher,
} from './domain/runbooks';
import { BackstageAuditMirror } from './service/BackstageAuditMirror';
import { DatabaseRunStore } from './store/DatabaseRunStore';
import type { Knex } from 'knex';

export interface RunbookWiringOptions {
  db: Knex;
  settings: SreControlCenterConfig;
  arm: ArmAccess;
  projects: ProjectResolver;
  publisher: RunPublisher;
  alerts: AlertRepository;
  costs: CostSnapshotStore;
  auditor: AuditorService;
  logger: LoggerService;
}

/** Builds the runbook services from config: catalog, store, request/decide/execute/sweep. */
export function wireRunbooks(options: RunbookWiringOptions) {
  const { settings, logger } = options;
  const catalog = new RunbookCatalog(
    settings.runbooks.map(runbook => ({
      id: runbookIdOf(runbook.name),
      name: runbook.name,
      description: runbook.description ?? null,
      system: runbook.system ?? null,
      trigger: runbook.trigger ?? null,
      condition: runbook.condition ?? null,
      cooldownMinutes: runbook.cooldown_minutes,
      actions: runbook.actions,
    })),
  );
  const store = new DatabaseRunStore(options.db);
  const azure = new AzureRunbookActions(options.arm);
  const postgres = new PostgresQueryAction(settings.postgresServers);
  const runner = new RunbookActionRunner({
    restart: azure,
    scale: azure,
    rollback: azure,
    execute_query: postgres,
  });
  const announcer = {
    publisher: options.publisher,
    mirror: new BackstageAuditMirror(options.auditor, logger),
    onError: (error: unknown) =>
      logger.warn(`Runbook run update not pushed: ${error}`),
  };
  const executor = new RunExecutor({
    ...announcer,
    store,
    projects: options.projects,
    runner,
    instanceId: randomUUID(),
    onError: error =>
      logger.error('Runbook run failed to execute', error as Error),
  });
  const execute = (runId: string) => executor.start(runId);
  const requests = new RunRequests({
    ...announcer,
    catalog,
    store,
    pendingExpiryMinutes: settings.approvals.pendingExpiryMinutes,
    execute,
  });
  const prices = { ...DEFAULT_PLAN_PRICES_EUR, ...settings.planPrices };
  const decisions = new RunDecisions({
    ...announcer,
    store,
    projects: options.projects,
    distinctApprover: settings.approvals.distinctApprover,
    execute,
    budgetCheck: {
      plans: azure,
      monthlyPrice: sku => prices[sku],
      budget: {
        async forecastAndBudget(entityRef) {
          const summary = await options.costs.get(entityRef);
          if (!summary) return undefined;
          return {
            forecast: summary.forecast,
            budget: summary.budget?.amount ?? null,
            currency: summary.currency,
          };
        },
      },
    },
  });
  const sweeper = new RunSweeper({
    ...announcer,
    store,
    projects: options.projects,
    requests,
    execute,
    alerts: {
      get: id => options.alerts.get(id),
      async firedSince(entityRef: string, since: Date): Promise<Alert[]> {
        const page = await options.alerts.list({ entityRef, limit: 50 });
        return page.items.filter(alert => new Date(alert.firedAt) >= since);
      },
    },
  });
  return { catalog, store, requests, decisions, sweeper };
}
