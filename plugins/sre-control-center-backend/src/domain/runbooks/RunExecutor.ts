import type { RunActionResult } from '@sre-control-center/plugin-sre-control-center-common';
import { findProject, type ProjectResolver } from '../projects';
import { ActionFailed } from './errors';
import type { ActionRunner, RunStore } from './ports';
import { resolveActions } from './resolveActions';
import { announce, runAudit, type RunAnnouncer } from './runEvents';
import { AUTOMATION_ACTOR, type RunRecord } from './types';

/** How long one action may take before it counts as timed out. */
export const ACTION_TIMEOUT_MS = 5 * 60_000;
/** A running run's lease; renewed while the executor is alive. */
export const LEASE_MS = 60_000;
const RENEW_EVERY_MS = 20_000;

export interface RunExecutorOptions extends RunAnnouncer {
  store: RunStore;
  projects: ProjectResolver;
  runner: ActionRunner;
  /** Identifies this process as the lease holder. */
  instanceId: string;
  actionTimeoutMs?: number;
  now?: () => Date;
}

/**
 * Executes approved runs. Claiming is a conditional update (approved →
 * running), so a run executes at most once however many callers race: the
 * approve request, another replica's sweeper, a double click.
 */
export class RunExecutor {
  constructor(private readonly options: RunExecutorOptions) {}

  /** Starts executing in the background; failures are stored on the run. */
  start(runId: string): void {
    this.execute(runId).catch(error => this.options.onError?.(error));
  }

  async execute(runId: string): Promise<RunRecord | undefined> {
    const { store, instanceId } = this.options;
    const startedAt = this.now();
    const current = await store.get(runId);
    if (!current || current.status !== 'approved') return undefined;
    const claimAudit = runAudit(
      current,
      AUTOMATION_ACTOR,
      'run.started',
      startedAt,
      { approvedBy: current.decidedBy },
    );
    const run = await store.transition({
      id: runId,
      transition: 'claim',
      patch: { startedAt: startedAt.toISOString() },
      lease: {
        holder: instanceId,
        until: new Date(startedAt.getTime() + LEASE_MS),
      },
      audit: [claimAudit],
    });
    if (!run) return undefined;
    await announce(this.options, run, [claimAudit]);

    const renew = setInterval(() => {
      store
        .renewLease(runId, instanceId, new Date(Date.now() + LEASE_MS))
        .catch(error => this.options.onError?.(error));
    }, RENEW_EVERY_MS);
    let results: RunActionResult[];
    let error: string | null;
    try {
      ({ results, error } = await this.runActions(run));
    } finally {
      clearInterval(renew);
    }

    const finishedAt = this.now();
    const succeeded = error === null;
    const audit = runAudit(
      run,
      AUTOMATION_ACTOR,
      succeeded ? 'run.succeeded' : 'run.failed',
      finishedAt,
      { results, error },
    );
    const finished = await store.transition({
      id: runId,
      transition: succeeded ? 'succeed' : 'fail',
      patch: { finishedAt: finishedAt.toISOString(), results, error },
      holder: instanceId,
      audit: [audit],
    });
    if (!finished) {
      // The lease ran out and the sweeper flagged the run as interrupted:
      // what the actions did is still worth keeping for the human.
      this.options.onError?.(
        new Error(
          `Run ${runId} finished after losing its lease: ${JSON.stringify(
            results,
          )}`,
        ),
      );
      return undefined;
    }
    await announce(this.options, finished, [audit]);
    return finished;
  }

  private async runActions(
    run: RunRecord,
  ): Promise<{ results: RunActionResult[]; error: string | null }> {
    const results: RunActionResult[] = [];
    const project = await findProject(this.options.projects, run.entityRef);
    if (!project) {
      return {
        results,
        error: `${run.entityRef} has no sre-control-center/azure-resource-group annotation`,
      };
    }
    const timeout = this.options.actionTimeoutMs ?? ACTION_TIMEOUT_MS;
    for (const resolved of resolveActions(run.actions, project)) {
      const startedAt = this.now().toISOString();
      const base = {
        type: resolved.action.type,
        resource: resolved.action.resource,
        startedAt,
      };
      const signal = AbortSignal.timeout(timeout);
      try {
        const summary = await raceAbort(
          this.options.runner.run(resolved, signal),
          signal,
        );
        results.push({
          ...base,
          status: 'succeeded',
          summary,
          finishedAt: this.now().toISOString(),
        });
      } catch (e) {
        const timedOut = signal.aborted;
        const failure = e as Error;
        results.push({
          ...base,
          status: timedOut ? 'timeout' : 'failed',
          summary: timedOut
            ? `No answer within ${Math.round(
                timeout / 1000,
              )} s; the action may still complete in Azure`
            : failure.message,
          errorCode: timedOut ? 'Timeout' : errorCodeOf(failure),
          finishedAt: this.now().toISOString(),
        });
        // Later actions assume the earlier ones worked: stop here.
        return {
          results,
          error: `${resolved.action.type} ${resolved.action.resource}: ${
            results[results.length - 1].summary
          }`,
        };
      }
    }
    return { results, error: null };
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }
}

function errorCodeOf(failure: Error): string | undefined {
  return failure instanceof ActionFailed ? failure.code : undefined;
}

/** Rejects when the signal aborts, even if the runner ignores it. */
function raceAbort<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      value => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      error => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
