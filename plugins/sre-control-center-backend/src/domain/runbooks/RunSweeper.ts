import type { Alert } from '@sre-control-center/plugin-sre-control-center-common';
import type { ProjectResolver } from '../projects';
import type { RunAlerts, RunStore } from './ports';
import { TRIGGER_MAX_AGE_MS, type RunRequests } from './RunRequests';
import { announce, runAudit, type RunAnnouncer } from './runEvents';
import { AUTOMATION_ACTOR, type RunRecord } from './types';

/** How long after the action a still-firing alert counts as "not fixed". */
export const OUTCOME_WINDOW_MS = 15 * 60_000;

export interface RunSweeperOptions extends RunAnnouncer {
  store: RunStore;
  alerts: RunAlerts;
  projects: ProjectResolver;
  requests: RunRequests;
  /** Starts executing an approved run (claims are exactly-once). */
  execute: (runId: string) => void;
  now?: () => Date;
}

/**
 * The scheduled pass over runs (one replica at a time): expires unanswered
 * requests, flags runs whose executor died, resumes approved runs nobody
 * claimed, records whether the triggering alert resolved, and creates runs
 * for alerts whose trigger was missed (creation is idempotent).
 */
export class RunSweeper {
  constructor(private readonly options: RunSweeperOptions) {}

  async sweep(): Promise<void> {
    await this.expirePending();
    await this.interruptOrphans();
    await this.resumeApproved();
    await this.checkOutcomes();
    await this.catchUpTriggers();
  }

  private async expirePending(): Promise<void> {
    const now = this.now();
    const due = await this.options.store.listByStatus('pending_approval', {
      expiresBefore: now,
    });
    for (const run of due) {
      await this.change(run, 'expire', 'run.expired', {
        finishedAt: now.toISOString(),
        error: `No approver decided before ${run.expiresAt}`,
      });
    }
  }

  private async interruptOrphans(): Promise<void> {
    const now = this.now();
    const orphans = await this.options.store.listByStatus('running', {
      leaseBefore: now,
    });
    for (const run of orphans) {
      await this.change(run, 'interrupt', 'run.interrupted', {
        finishedAt: now.toISOString(),
        error:
          'The backend executing this run stopped before it finished. Check the resources before requesting it again: it is not re-run automatically.',
      });
    }
  }

  private async resumeApproved(): Promise<void> {
    for (const run of await this.options.store.listByStatus('approved')) {
      this.options.execute(run.id);
    }
  }

  /**
   * Records whether triggering alerts resolved. Called by the sweep for all
   * runs, and with the alert as soon as one resolves (then only its runs).
   */
  async checkOutcomes(resolved?: Alert): Promise<void> {
    const now = this.now();
    const runs = await this.options.store.awaitingOutcome(100, resolved?.id);
    for (const run of runs) {
      const alert =
        resolved ?? (await this.options.alerts.get(run.triggerAlert!.id));
      const outcome = outcomeOf(run, alert, now);
      if (!outcome) continue;
      const audit = runAudit(run, AUTOMATION_ACTOR, 'run.outcome', now, {
        outcome,
      });
      const updated = await this.options.store.setOutcome(
        run.id,
        outcome,
        audit,
      );
      if (updated) await announce(this.options, updated, [audit]);
    }
  }

  private async catchUpTriggers(): Promise<void> {
    const since = new Date(this.now().getTime() - TRIGGER_MAX_AGE_MS);
    for (const project of await this.options.projects.listProjects()) {
      const fired = await this.options.alerts.firedSince(
        project.entityRef,
        since,
      );
      for (const alert of fired)
        await this.options.requests.alertChanged(alert);
    }
  }

  private async change(
    run: RunRecord,
    transition: 'expire' | 'interrupt',
    action: string,
    patch: { finishedAt: string; error: string },
  ): Promise<void> {
    const audit = runAudit(run, AUTOMATION_ACTOR, action, this.now(), {
      error: patch.error,
    });
    const updated = await this.options.store.transition({
      id: run.id,
      transition,
      patch,
      audit: [audit],
    });
    if (updated) await announce(this.options, updated, [audit]);
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }
}

/** "resolved 4 min after the action", "still firing 15 min after the action", or not yet known. */
export function outcomeOf(
  run: Pick<RunRecord, 'finishedAt'>,
  alert: { monitorCondition: string; resolvedAt: string | null } | undefined,
  now: Date,
): string | undefined {
  const finished = new Date(run.finishedAt!).getTime();
  if (!alert) return 'the triggering alert is no longer known';
  if (alert.monitorCondition === 'Resolved' && alert.resolvedAt) {
    const minutes = Math.round(
      (new Date(alert.resolvedAt).getTime() - finished) / 60_000,
    );
    return minutes < 0
      ? `resolved ${-minutes} min before the action finished`
      : `resolved ${minutes} min after the action`;
  }
  if (now.getTime() - finished >= OUTCOME_WINDOW_MS) {
    return `still firing ${OUTCOME_WINDOW_MS / 60_000} min after the action`;
  }
  return undefined;
}
