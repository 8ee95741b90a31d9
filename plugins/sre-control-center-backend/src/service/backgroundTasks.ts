import type {
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import type { AlertReconciler, UnroutedAlertRouter } from '../domain/alerts';

/** Seconds after start before unrouted alerts are first routed again. */
export const UNROUTED_INITIAL_DELAY_S = 5;
import type { CostRefresher } from '../domain/costs/CostRefresher';
import type { InboxProcessor } from '../domain/inbox/InboxProcessor';
import type { DeliveryRegistry } from '../domain/inbox/ports';
import type { EscalationEngine } from '../domain/escalation';
import type { RunSweeper } from '../domain/runbooks';
import type { StackReader } from '../domain/stack/StackReader';
import type { IssueSync } from '../domain/issues';

/**
 * The plugin's scheduled work. Backstage's scheduler runs each task on one
 * replica at a time (a database lock), so several backends share the load.
 */
export async function scheduleBackgroundTasks(options: {
  scheduler: SchedulerService;
  logger: LoggerService;
  processor: InboxProcessor;
  reconciler: AlertReconciler;
  unroutedRouter: UnroutedAlertRouter;
  costRefresher: CostRefresher;
  runSweeper: RunSweeper;
  escalations: Pick<EscalationEngine, 'sweep'>;
  stack: Pick<StackReader, 'refresh'>;
  deliveries: DeliveryRegistry;
  retentionDays: number;
  issues: { sync: Pick<IssueSync, 'sync'>; syncIntervalSeconds: number };
}): Promise<void> {
  const { scheduler, logger, processor, reconciler, costRefresher } = options;

  // Expires unanswered approvals, flags runs whose backend died mid-run,
  // records whether the triggering alert resolved.
  await scheduler.scheduleTask({
    id: 'sre-control-center:sweep-runs',
    frequency: { seconds: 30 },
    timeout: { minutes: 2 },
    initialDelay: { seconds: 20 },
    fn: () => options.runSweeper.sweep(),
  });

  // Escalation steps that are due (the next level, a repeat, the end of
  // quiet hours), also those a restart interrupted: the timers are stored.
  await scheduler.scheduleTask({
    id: 'sre-control-center:sweep-escalations',
    frequency: { seconds: 10 },
    timeout: { minutes: 2 },
    initialDelay: { seconds: 5 },
    fn: async () => {
      await options.escalations.sweep();
    },
  });

  // Picks up deliveries a crash, a backoff or another replica left behind.
  // Every replica drains: claims are leased, so they never share a batch.
  await scheduler.scheduleTask({
    id: 'sre-control-center:process-inbox',
    scope: 'local',
    frequency: { seconds: 5 },
    timeout: { minutes: 5 },
    initialDelay: { seconds: 5 },
    fn: () => processor.drain(),
  });

  // Azure is the source of truth: take over what changed there (the SRE
  // agent acknowledging, alerts whose webhook was lost).
  await scheduler.scheduleTask({
    id: 'sre-control-center:reconcile-alerts',
    frequency: { seconds: 60 },
    timeout: { minutes: 5 },
    initialDelay: { seconds: 10 },
    fn: async () => {
      const report = await reconciler.reconcile();
      for (const failure of report.failures) {
        logger.warn(
          `Alert reconciliation failed for ${failure.entityRef}: ${failure.error}`,
        );
      }
      if (report.changed > 0) {
        logger.info(
          `Alert reconciliation: ${report.changed} of ${report.seen} alerts changed in Azure`,
        );
      }
    },
  });

  // Unrouted alerts move to a System once the catalog has one for their
  // resource group.
  await scheduler.scheduleTask({
    id: 'sre-control-center:route-unrouted-alerts',
    frequency: { seconds: 60 },
    timeout: { minutes: 2 },
    // Soon after start: alerts kept unrouted while the catalog did not know
    // their System (a restart often follows registering one) move at once.
    initialDelay: { seconds: UNROUTED_INITIAL_DELAY_S },
    fn: async () => {
      const moved = await options.unroutedRouter.route();
      if (moved > 0) logger.info(`${moved} unrouted alerts moved to Systems`);
    },
  });

  // Raw webhook bodies are kept for the retention period; alerts and their
  // history stay.
  await scheduler.scheduleTask({
    id: 'sre-control-center:prune-inbox',
    frequency: { hours: 1 },
    timeout: { minutes: 10 },
    initialDelay: { minutes: 2 },
    fn: async () => {
      const before = new Date(
        Date.now() - options.retentionDays * 24 * 3_600_000,
      );
      const pruned = await options.deliveries.prune(before);
      if (pruned > 0) {
        logger.info(
          `Pruned ${pruned} webhook deliveries older than ${options.retentionDays} days`,
        );
      }
    },
  });

  // The stack card's snapshot: 11 Azure calls per System and run, none per page view.
  await scheduler.scheduleTask({
    id: 'sre-control-center:refresh-stack',
    frequency: { minutes: 2 },
    timeout: { minutes: 2 },
    initialDelay: { seconds: 15 },
    fn: async () => {
      const report = await options.stack.refresh();
      for (const failure of report.failures) {
        logger.warn(
          `Reading the stack of ${failure.entityRef} failed: ${failure.error}`,
        );
      }
    },
  });

  // Catches up on GitHub issue deliveries that were missed; conditional
  // requests, so an unchanged repository costs no rate limit (docs/github.md).
  await scheduler.scheduleTask({
    id: 'sre-control-center:sync-github-issues',
    frequency: { seconds: options.issues.syncIntervalSeconds },
    timeout: { minutes: 2 },
    initialDelay: { seconds: 10 },
    fn: async () => {
      const report = await options.issues.sync.sync();
      for (const failure of report.failures) {
        logger.warn(
          `GitHub issue sync failed for ${failure.repository}: ${failure.error}`,
        );
      }
    },
  });

  // Every minute, but each project is only queried when its figures are
  // older than 30 minutes (Cost Management updates a few times a day and
  // allows few queries a minute): new projects get figures at once.
  await scheduler.scheduleTask({
    id: 'sre-control-center:refresh-costs',
    frequency: { minutes: 1 },
    timeout: { minutes: 5 },
    // Leaves the catalog time to read the Systems after a start.
    initialDelay: { seconds: 15 },
    fn: async () => {
      const report = await costRefresher.refresh();
      for (const failure of report.failures) {
        logger.warn(
          `Cost refresh failed for ${failure.entityRef}: ${failure.error}`,
        );
      }
    },
  });
}
