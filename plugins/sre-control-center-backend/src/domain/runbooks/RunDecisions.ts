import {
  ConflictError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import {
  findProject,
  type ProjectResolver,
  type ProjectScope,
} from '../projects';
import { budgetBreach, type BudgetCheckDeps } from './budgetCheck';
import { decisionFor } from './decisionRule';
import { OverBudgetError } from './errors';
import type { RunStore } from './ports';
import { resolveActions } from './resolveActions';
import { announce, runAudit, type RunAnnouncer } from './runEvents';
import type { RunRecord } from './types';

export interface RunDecisionsOptions extends RunAnnouncer {
  store: RunStore;
  projects: ProjectResolver;
  budgetCheck: BudgetCheckDeps;
  distinctApprover: boolean;
  execute: (runId: string) => void;
  now?: () => Date;
}

export interface DecisionInput {
  runId: string;
  /** The approver's user entity ref; the route has checked the permission. */
  actor: string;
  comment?: string;
  confirmOverBudget?: boolean;
}

/**
 * Approve and reject. The status change is one conditional update, so of
 * twenty approvers clicking at once exactly one wins; the others get a
 * conflict, and the run executes once.
 */
export class RunDecisions {
  constructor(private readonly options: RunDecisionsOptions) {}

  async approve(input: DecisionInput): Promise<RunRecord> {
    const run = await this.decidable(input);
    let overBudget: string | undefined;
    const scale = run.actions.filter(a => a.type === 'scale');
    if (scale.length > 0) {
      const project = await this.projectOf(run.entityRef);
      overBudget = await budgetBreach(
        run.entityRef,
        resolveActions(scale, project),
        this.options.budgetCheck,
      );
      if (overBudget && !input.confirmOverBudget) {
        throw new OverBudgetError(`${overBudget}. Confirm to approve anyway.`);
      }
    }
    return this.decide(run, input, 'approve', overBudget);
  }

  async reject(input: DecisionInput): Promise<RunRecord> {
    const run = await this.decidable(input);
    return this.decide(run, input, 'reject');
  }

  private async decidable(input: DecisionInput): Promise<RunRecord> {
    const run = await this.options.store.get(input.runId);
    if (!run) throw new NotFoundError(`No run with id ${input.runId}`);
    const decision = decisionFor(run, {
      permitted: true,
      actor: input.actor,
      distinctApprover: this.options.distinctApprover,
      now: this.now(),
    });
    if (!decision.allowed) {
      const conflict =
        run.status !== 'pending_approval' ||
        (run.expiresAt && new Date(run.expiresAt) <= this.now());
      throw conflict
        ? new ConflictError(decision.reason!)
        : new NotAllowedError(decision.reason!);
    }
    return run;
  }

  private async decide(
    run: RunRecord,
    input: DecisionInput,
    transition: 'approve' | 'reject',
    overBudget?: string,
  ): Promise<RunRecord> {
    const now = this.now();
    const verdict = transition === 'approve' ? 'approved' : 'rejected';
    const audit = runAudit(run, input.actor, `run.${verdict}`, now, {
      comment: input.comment ?? null,
      ...(overBudget ? { overBudgetConfirmed: overBudget } : {}),
    });
    const updated = await this.options.store.transition({
      id: run.id,
      transition,
      patch: {
        decidedBy: input.actor,
        decidedAt: now.toISOString(),
        decisionComment: input.comment ?? null,
      },
      notExpiredAt: now,
      approval: {
        approver: input.actor,
        decision: verdict,
        comment: input.comment ?? null,
        at: now,
      },
      audit: [audit],
    });
    if (!updated) {
      const current = await this.options.store.get(run.id);
      throw new ConflictError(
        `The run was already ${current?.status.replace('_', ' ') ?? 'changed'}${
          current?.decidedBy ? ` by ${current.decidedBy}` : ''
        }`,
      );
    }
    await announce(this.options, updated, [audit]);
    if (updated.status === 'approved') this.options.execute(updated.id);
    return updated;
  }

  private async projectOf(entityRef: string): Promise<ProjectScope> {
    const project = await findProject(this.options.projects, entityRef);
    if (!project) {
      throw new ConflictError(
        `${entityRef} has no sre-control-center/azure-resource-group annotation any more`,
      );
    }
    return project;
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }
}
