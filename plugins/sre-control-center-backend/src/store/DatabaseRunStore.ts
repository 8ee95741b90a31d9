import type {
  RunActionResult,
  RunbookAction,
  RunStatus,
} from '@sre-control-center/plugin-sre-control-center-common';
import type { Knex } from 'knex';
import type { AuditEntry } from '../domain/audit';
import {
  RUN_TRANSITIONS,
  type CooldownClaim,
  type NewRun,
  type RunChange,
  type RunRecord,
  type RunStore,
} from '../domain/runbooks';
import { auditRow } from './auditRow';
import { chunked } from './chunked';
import { toIsoOrNull, toIso } from './time';

type Timestamp = Date | string | number;

interface RunRow {
  id: string;
  entity_ref: string;
  runbook_id: string;
  runbook_name: string;
  status: string;
  requires_approval: boolean | number;
  requested_by: string;
  requested_at: Timestamp;
  reason: string | null;
  trigger_alert_id: string | null;
  trigger_alert_name: string | null;
  dedupe_key: string | null;
  actions: string;
  expires_at: Timestamp | null;
  decided_by: string | null;
  decided_at: Timestamp | null;
  decision_comment: string | null;
  lease_holder: string | null;
  lease_until: Timestamp | null;
  started_at: Timestamp | null;
  finished_at: Timestamp | null;
  results: string | null;
  error: string | null;
  outcome: string | null;
  firings: number;
}

function fromRow(row: RunRow): RunRecord {
  return {
    id: row.id,
    entityRef: row.entity_ref,
    runbookId: row.runbook_id,
    runbookName: row.runbook_name,
    status: row.status as RunStatus,
    requiresApproval: Boolean(row.requires_approval),
    requestedBy: row.requested_by,
    requestedAt: toIso(row.requested_at),
    reason: row.reason,
    triggerAlert: row.trigger_alert_id
      ? { id: row.trigger_alert_id, name: row.trigger_alert_name ?? '' }
      : null,
    expiresAt: toIsoOrNull(row.expires_at),
    decidedBy: row.decided_by,
    decidedAt: toIsoOrNull(row.decided_at),
    decisionComment: row.decision_comment,
    startedAt: toIsoOrNull(row.started_at),
    finishedAt: toIsoOrNull(row.finished_at),
    results: row.results ? (JSON.parse(row.results) as RunActionResult[]) : [],
    error: row.error,
    outcome: row.outcome,
    firings: Number(row.firings ?? 1),
    actions: JSON.parse(row.actions) as RunbookAction[],
  };
}

const date = (iso: string | null | undefined) =>
  iso === null || iso === undefined ? iso : new Date(iso);

function patchRow(patch: RunChange['patch']): Partial<RunRow> {
  const row: Partial<RunRow> = {};
  if (patch.decidedBy !== undefined) row.decided_by = patch.decidedBy;
  if (patch.decidedAt !== undefined) row.decided_at = date(patch.decidedAt);
  if (patch.decisionComment !== undefined) {
    row.decision_comment = patch.decisionComment;
  }
  if (patch.startedAt !== undefined) row.started_at = date(patch.startedAt);
  if (patch.finishedAt !== undefined) row.finished_at = date(patch.finishedAt);
  if (patch.results !== undefined) row.results = JSON.stringify(patch.results);
  if (patch.error !== undefined) row.error = patch.error;
  return row;
}

/**
 * knex implementation of the run store. Status changes are
 * `UPDATE … WHERE id = ? AND status IN (…)`: the row count tells the one
 * winner, on SQLite and PostgreSQL alike, without locks held across calls.
 */
export class DatabaseRunStore implements RunStore {
  constructor(private readonly db: Knex) {}

  async create(
    run: NewRun,
    audit: AuditEntry,
    cooldown?: CooldownClaim,
  ): Promise<RunRecord | undefined> {
    return this.db.transaction(async tx => {
      let status = run.status;
      let error: string | null = null;
      let entry = audit;
      if (run.dedupeKey) {
        // A firing seen before: it has its own run, or counts towards one.
        const existing =
          (await tx('runbook_runs')
            .where('dedupe_key', run.dedupeKey)
            .first('id')) ??
          (await tx('run_firings')
            .where('dedupe_key', run.dedupeKey)
            .first('run_id'));
        if (existing) return undefined;
      }
      if (cooldown && !(await this.takeCooldown(tx, cooldown, audit.at))) {
        status = 'skipped';
        error = cooldown.whenHeld.error;
        entry = cooldown.whenHeld.audit;
      }
      const inserted = await tx('runbook_runs')
        .insert({
          id: run.id,
          entity_ref: run.entityRef,
          runbook_id: run.runbookId,
          runbook_name: run.runbookName,
          status,
          requires_approval: run.requiresApproval,
          requested_by: run.requestedBy,
          requested_at: new Date(run.requestedAt),
          reason: run.reason,
          trigger_alert_id: run.triggerAlert?.id ?? null,
          trigger_alert_name: run.triggerAlert?.name ?? null,
          dedupe_key: run.dedupeKey,
          actions: JSON.stringify(run.actions),
          expires_at: date(run.expiresAt),
          finished_at: status === 'skipped' ? new Date(run.requestedAt) : null,
          error,
        })
        // A concurrent replica may have inserted the same firing meanwhile.
        .onConflict('dedupe_key')
        .ignore()
        .returning('id');
      if (inserted.length === 0) return undefined;
      if (run.dedupeKey) {
        // Replays of this firing must not attach to the run later.
        await tx('run_firings').insert({
          dedupe_key: run.dedupeKey,
          run_id: run.id,
          at: new Date(run.requestedAt),
        });
      }
      await tx('audit_log').insert(auditRow(entry));
      return fromRow(
        (await tx<RunRow>('runbook_runs').where('id', run.id).first())!,
      );
    });
  }

  private async takeCooldown(
    tx: Knex.Transaction,
    claim: CooldownClaim,
    now: Date,
  ): Promise<boolean> {
    const inserted = await tx('runbook_cooldowns')
      .insert({ key: claim.key, until: claim.until })
      .onConflict('key')
      .ignore()
      .returning('key');
    if (inserted.length > 0) return true;
    const updated = await tx('runbook_cooldowns')
      .where('key', claim.key)
      .andWhere('until', '<=', now)
      .update({ until: claim.until });
    return updated === 1;
  }

  async attachFiring(firing: {
    entityRef: string;
    runbookId: string;
    dedupeKey: string;
    at: Date;
    audit: (run: RunRecord) => AuditEntry;
  }): Promise<{ run: RunRecord; attached: boolean } | undefined> {
    return this.db.transaction(async tx => {
      const pending = await tx<RunRow>('runbook_runs')
        .where({
          entity_ref: firing.entityRef,
          runbook_id: firing.runbookId,
          status: 'pending_approval',
        })
        .andWhere('expires_at', '>', firing.at)
        .orderBy('requested_at', 'desc')
        .first();
      if (!pending) return undefined;
      const inserted = await tx('run_firings')
        .insert({
          dedupe_key: firing.dedupeKey,
          run_id: pending.id,
          at: firing.at,
        })
        .onConflict('dedupe_key')
        .ignore()
        .returning('dedupe_key');
      if (inserted.length === 0)
        return { run: fromRow(pending), attached: false };
      const updated = await tx('runbook_runs')
        .where({ id: pending.id, status: 'pending_approval' })
        .increment('firings', 1);
      if (updated !== 1) return undefined;
      const run = fromRow(
        (await tx<RunRow>('runbook_runs').where('id', pending.id).first())!,
      );
      await tx('audit_log').insert(auditRow(firing.audit(run)));
      return { run, attached: true };
    });
  }

  async attachFirings(input: {
    runId: string;
    firings: Array<{ dedupeKey: string; at: Date }>;
    audit: (run: RunRecord, attached: number) => AuditEntry;
  }): Promise<{ run: RunRecord; attached: number } | undefined> {
    return this.db.transaction(async tx => {
      const exists = await tx('runbook_runs')
        .where('id', input.runId)
        .first('id');
      if (!exists) return undefined;
      let attached = 0;
      for (const part of chunked(input.firings, 300)) {
        const inserted = await tx('run_firings')
          .insert(
            part.map(f => ({
              dedupe_key: f.dedupeKey,
              run_id: input.runId,
              at: f.at,
            })),
          )
          .onConflict('dedupe_key')
          .ignore()
          .returning('dedupe_key');
        attached += inserted.length;
      }
      if (attached > 0) {
        await tx('runbook_runs')
          .where('id', input.runId)
          .increment('firings', attached);
      }
      const run = fromRow(
        (await tx<RunRow>('runbook_runs').where('id', input.runId).first())!,
      );
      if (attached > 0) {
        await tx('audit_log').insert(auditRow(input.audit(run, attached)));
      }
      return { run, attached };
    });
  }

  async get(id: string): Promise<RunRecord | undefined> {
    const row = await this.db<RunRow>('runbook_runs').where('id', id).first();
    return row ? fromRow(row) : undefined;
  }

  async list(entityRef: string, limit: number): Promise<RunRecord[]> {
    const rows = await this.db<RunRow>('runbook_runs')
      .where('entity_ref', entityRef)
      .orderBy([
        { column: 'requested_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(limit);
    return rows.map(fromRow);
  }

  async transition(change: RunChange): Promise<RunRecord | undefined> {
    const { from, to } = RUN_TRANSITIONS[change.transition];
    return this.db.transaction(async tx => {
      const query = tx<RunRow>('runbook_runs')
        .where('id', change.id)
        .whereIn('status', [...from]);
      if (change.notExpiredAt) {
        const at = change.notExpiredAt;
        query.andWhere(q =>
          q.whereNull('expires_at').orWhere('expires_at', '>', at),
        );
      }
      if (change.holder) query.andWhere('lease_holder', change.holder);
      const row: Partial<RunRow> = { ...patchRow(change.patch), status: to };
      if (change.lease) {
        row.lease_holder = change.lease.holder;
        row.lease_until = change.lease.until;
      }
      const updated = await query.update(row);
      if (updated !== 1) return undefined;
      if (change.approval) {
        await tx('approvals').insert({
          run_id: change.id,
          approver: change.approval.approver,
          decision: change.approval.decision,
          comment: change.approval.comment,
          at: change.approval.at,
        });
      }
      if (change.audit.length > 0) {
        await tx('audit_log').insert(change.audit.map(auditRow));
      }
      return fromRow(
        (await tx<RunRow>('runbook_runs').where('id', change.id).first())!,
      );
    });
  }

  async renewLease(id: string, holder: string, until: Date): Promise<boolean> {
    const updated = await this.db('runbook_runs')
      .where({ id, status: 'running', lease_holder: holder })
      .update({ lease_until: until });
    return updated === 1;
  }

  async listByStatus(
    status: RunStatus,
    options: { leaseBefore?: Date; expiresBefore?: Date; limit?: number } = {},
  ): Promise<RunRecord[]> {
    const query = this.db<RunRow>('runbook_runs')
      .where('status', status)
      .orderBy('requested_at', 'asc')
      .limit(options.limit ?? 100);
    if (options.leaseBefore) {
      query.andWhere('lease_until', '<', options.leaseBefore);
    }
    if (options.expiresBefore) {
      query.andWhere('expires_at', '<=', options.expiresBefore);
    }
    return (await query).map(fromRow);
  }

  async awaitingOutcome(
    limit: number,
    triggerAlertId?: string,
  ): Promise<RunRecord[]> {
    const query = this.db<RunRow>('runbook_runs')
      .where('status', 'succeeded')
      .whereNotNull('trigger_alert_id')
      .whereNull('outcome')
      .orderBy('finished_at', 'asc')
      .limit(limit);
    if (triggerAlertId) query.andWhere('trigger_alert_id', triggerAlertId);
    return (await query).map(fromRow);
  }

  async setOutcome(
    id: string,
    outcome: string,
    audit: AuditEntry,
  ): Promise<RunRecord | undefined> {
    return this.db.transaction(async tx => {
      const updated = await tx('runbook_runs')
        .where('id', id)
        .whereNull('outcome')
        .update({ outcome });
      if (updated !== 1) return undefined;
      await tx('audit_log').insert(auditRow(audit));
      return fromRow(
        (await tx<RunRow>('runbook_runs').where('id', id).first())!,
      );
    });
  }
}
