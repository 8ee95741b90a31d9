import type {
  Alert,
  RunActionResult,
  RunStatus,
} from '@sre-control-center/plugin-sre-control-center-common';
import type { AuditEntry } from '../audit';
import type { RunTransition } from './runStates';
import type { ResolvedAction, RunRecord } from './types';

/** A run about to be stored. */
export type NewRun = Omit<
  RunRecord,
  | 'decidedBy'
  | 'decidedAt'
  | 'decisionComment'
  | 'startedAt'
  | 'finishedAt'
  | 'results'
  | 'error'
  | 'outcome'
> & {
  /** Makes creation idempotent: one run per runbook and alert firing. */
  dedupeKey: string | null;
};

/** An automatic run's claim on its runbook's cooldown. */
export interface CooldownClaim {
  key: string;
  until: Date;
  /** What is stored instead when another run holds the cooldown. */
  whenHeld: { error: string; audit: AuditEntry };
}

export interface RunChange {
  id: string;
  transition: RunTransition;
  /** Columns set with the new status. */
  patch: Partial<
    Pick<
      RunRecord,
      | 'decidedBy'
      | 'decidedAt'
      | 'decisionComment'
      | 'startedAt'
      | 'finishedAt'
      | 'results'
      | 'error'
    >
  >;
  /** For approve/reject: refuse when the request expired before this time. */
  notExpiredAt?: Date;
  /** For claim: who holds the run and until when, unless renewed. */
  lease?: { holder: string; until: Date };
  /** For succeed/fail: only the lease holder may finish the run. */
  holder?: string;
  /** For approve/reject: the decision row (one per run). */
  approval?: {
    approver: string;
    decision: 'approved' | 'rejected';
    comment: string | null;
    at: Date;
  };
  audit: AuditEntry[];
}

/** Where runs live. Every status change is conditional: one caller wins. */
export interface RunStore {
  /**
   * Stores a new run with its audit entry. Resolves to undefined when a run
   * with the same dedupe key exists. With a cooldown, the run is stored as
   * `skipped` when another automatic run holds the cooldown, atomically.
   */
  create(
    run: NewRun,
    audit: AuditEntry,
    cooldown?: CooldownClaim,
  ): Promise<RunRecord | undefined>;
  /**
   * Attaches a new firing of a runbook's trigger alert to the System's
   * request of that runbook still waiting for approval, once per firing
   * (the dedupe key): `attached` false for a replay. Undefined when no
   * request is waiting.
   */
  attachFiring(firing: {
    entityRef: string;
    runbookId: string;
    dedupeKey: string;
    at: Date;
    audit: (run: RunRecord) => AuditEntry;
  }): Promise<{ run: RunRecord; attached: boolean } | undefined>;
  /**
   * Counts more firings towards a run, in one transaction: each firing once
   * (its dedupe key), with one audit entry for all that were new. `attached`
   * is how many were; undefined when the run does not exist.
   */
  attachFirings(input: {
    runId: string;
    firings: Array<{ dedupeKey: string; at: Date }>;
    audit: (run: RunRecord, attached: number) => AuditEntry;
  }): Promise<{ run: RunRecord; attached: number } | undefined>;
  get(id: string): Promise<RunRecord | undefined>;
  list(entityRef: string, limit: number): Promise<RunRecord[]>;
  /** Applies the transition if the run is in one of its `from` states; undefined otherwise. */
  transition(change: RunChange): Promise<RunRecord | undefined>;
  /** Extends the lease of a running run; false when the holder lost it. */
  renewLease(id: string, holder: string, until: Date): Promise<boolean>;
  /** Runs in a status; for `running`, only those whose lease ran out before `leaseBefore`. */
  listByStatus(
    status: RunStatus,
    options?: { leaseBefore?: Date; expiresBefore?: Date; limit?: number },
  ): Promise<RunRecord[]>;
  /** Succeeded runs with a triggering alert (this one, if given) whose outcome is not known yet. */
  awaitingOutcome(limit: number, triggerAlertId?: string): Promise<RunRecord[]>;
  /** Records the outcome once; undefined when it was already recorded. */
  setOutcome(
    id: string,
    outcome: string,
    audit: AuditEntry,
  ): Promise<RunRecord | undefined>;
}

/** Performs one action on Azure (or the project's database). */
export interface ActionRunner {
  /** Resolves to a human summary; throws ActionFailed when the action failed. */
  run(action: ResolvedAction, signal: AbortSignal): Promise<string>;
}

/** The App Service plan facts the budget check needs. */
export interface PlanReader {
  currentSku(planId: string): Promise<string>;
}

/** Month figures of a project, for the budget check. */
export interface ProjectBudget {
  forecastAndBudget(
    entityRef: string,
  ): Promise<
    { forecast: number; budget: number | null; currency: string } | undefined
  >;
}

export interface RunPublisher {
  runChanged(run: RunRecord): Promise<void>;
}

/** Alerts, as far as runs need them. */
export interface RunAlerts {
  get(id: string): Promise<Alert | undefined>;
  /** A System's alerts fired since the given time. */
  firedSince(entityRef: string, since: Date): Promise<Alert[]>;
}

export type { RunActionResult };
