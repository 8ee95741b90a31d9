import type { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import type { AuditEntry } from '../domain/audit';
import {
  attemptAuditEntry,
  attemptHistoryDetails,
  type AttemptContext,
  type EscalationAttemptOutcome,
  type EscalationRecord,
  type EscalationStore,
  type NewAttempt,
  type NewEscalation,
  type StoredAttempt,
} from '../domain/escalation';
import { auditRow } from './auditRow';
import { chunked } from './chunked';
import { toIso } from './time';

type Row = Record<string, any>;

const date = (value: unknown): Date | null =>
  value === null || value === undefined
    ? null
    : new Date(toIso(value as Date | string | number));

function fromRow(r: Row): EscalationRecord {
  return {
    id: r.id,
    alertId: r.alert_id,
    alertName: r.alert_name,
    entityRef: r.entity_ref,
    policy: r.policy,
    urgency: r.urgency,
    state: r.state,
    level: Number(r.level),
    round: Number(r.round),
    nextStepAt: date(r.next_step_at),
    startedAt: date(r.started_at)!,
    endedAt: date(r.ended_at),
    endedBy: r.ended_by ?? null,
  };
}

function attemptFromRow(r: Row): StoredAttempt {
  return {
    id: r.id,
    escalationId: r.escalation_id,
    level: Number(r.level),
    round: Number(r.round),
    channel: r.channel,
    target: r.target,
    phoneNumber: r.phone_number ?? null,
    outcome: r.outcome,
    detail: r.detail ?? null,
    createdAt: toIso(r.created_at),
    updatedAt: toIso(r.updated_at),
    provider: r.provider ?? null,
    providerCallId: r.provider_call_id ?? null,
  };
}

/**
 * knex implementation of the escalation store. Every write is conditional
 * (see the port); claims use `FOR UPDATE SKIP LOCKED` on PostgreSQL, as the
 * inbox does, so replicas never lease the same step; SQLite has one writer.
 */
export class DatabaseEscalationStore implements EscalationStore {
  private readonly postgres: boolean;

  constructor(private readonly db: Knex) {
    this.postgres = db.client.config.client === 'pg';
  }

  async create(e: NewEscalation, audit: AuditEntry) {
    const id = randomUUID();
    return this.db.transaction(async tx => {
      const inserted = await tx('escalations')
        .insert({
          id,
          alert_id: e.alertId,
          alert_name: e.alertName,
          entity_ref: e.entityRef,
          policy: e.policy,
          urgency: e.urgency,
          state: e.state,
          level: e.level,
          round: e.round,
          next_step_at: e.nextStepAt,
          started_at: e.startedAt,
          ended_at: e.endedAt ?? null,
          ended_by: e.endedBy ?? null,
        })
        .onConflict('alert_id')
        .ignore()
        .returning('id');
      const created = inserted.length > 0;
      if (created) await tx('audit_log').insert(auditRow(audit));
      const row = await tx('escalations').where('alert_id', e.alertId).first();
      return { escalation: fromRow(row), created };
    });
  }

  async get(id: string) {
    const row = await this.db('escalations').where('id', id).first();
    return row ? fromRow(row) : undefined;
  }

  async byAlert(alertId: string) {
    const row = await this.db('escalations').where('alert_id', alertId).first();
    return row ? fromRow(row) : undefined;
  }

  async alertsWithEscalation(alertIds: string[]) {
    const found = new Set<string>();
    for (const part of chunked(alertIds, 500)) {
      const rows: Array<{ alert_id: string }> = await this.db('escalations')
        .whereIn('alert_id', part)
        .select('alert_id');
      for (const row of rows) found.add(row.alert_id);
    }
    return found;
  }

  async list(filter: {
    entityRef: string;
    state?: EscalationRecord['state'];
    limit: number;
  }) {
    const query = this.db('escalations')
      .where('entity_ref', filter.entityRef)
      .orderBy([
        { column: 'started_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(filter.limit);
    if (filter.state) query.andWhere('state', filter.state);
    return (await query).map(fromRow);
  }

  async attemptsOf(ids: string[]) {
    if (ids.length === 0) return [];
    const rows = await this.db('escalation_attempts')
      .whereIn('escalation_id', ids)
      .orderBy([
        { column: 'created_at', order: 'asc' },
        { column: 'round', order: 'asc' },
        { column: 'level', order: 'asc' },
        // Same instant: the order the engine pages in ('notification' first).
        { column: 'channel', order: 'asc' },
      ]);
    return rows.map(attemptFromRow);
  }

  async claimDue(options: {
    holder: string;
    now: Date;
    leaseMs: number;
    limit: number;
  }) {
    const { holder, now, leaseMs, limit } = options;
    const due = this.db('escalations')
      .select('id')
      .where('state', 'active')
      .andWhere('next_step_at', '<=', now)
      .andWhere(q =>
        q.whereNull('lease_until').orWhere('lease_until', '<', now),
      )
      .orderBy('next_step_at', 'asc')
      .limit(limit);
    if (this.postgres) due.forUpdate().skipLocked();
    const rows: Row[] = await this.db('escalations')
      .whereIn('id', due)
      // Checked again on the row itself: on SQLite the subquery is not a lock.
      .andWhere('state', 'active')
      .andWhere(q =>
        q.whereNull('lease_until').orWhere('lease_until', '<', now),
      )
      .update({
        lease_holder: holder,
        lease_until: new Date(now.getTime() + leaseMs),
      })
      .returning('*');
    return rows.map(fromRow);
  }

  async advance(
    id: string,
    holder: string,
    next: { level: number; round: number; nextStepAt: Date },
  ) {
    const updated = await this.db('escalations')
      .where({ id, lease_holder: holder, state: 'active' })
      .update({
        level: next.level,
        round: next.round,
        next_step_at: next.nextStepAt,
        lease_holder: null,
        lease_until: null,
      });
    return Number(updated) > 0;
  }

  async finish(
    id: string,
    end: {
      state: Exclude<EscalationRecord['state'], 'active'>;
      endedBy: string | null;
      at: Date;
    },
    audit: AuditEntry,
  ) {
    return this.db.transaction(async tx => {
      const rows: Row[] = await tx('escalations')
        .where({ id, state: 'active' })
        .update({
          state: end.state,
          ended_by: end.endedBy,
          ended_at: end.at,
          next_step_at: null,
          lease_holder: null,
          lease_until: null,
        })
        .returning('*');
      if (rows.length === 0) return undefined;
      await tx('audit_log').insert(auditRow(audit));
      return fromRow(rows[0]);
    });
  }

  async hurry(id: string, after: { level: number; round: number }, now: Date) {
    const updated = await this.db('escalations')
      .where({ id, state: 'active', level: after.level, round: after.round })
      .andWhere('next_step_at', '>', now)
      .update({ next_step_at: now });
    return Number(updated) > 0;
  }

  async addAttempt(attempt: NewAttempt, context: AttemptContext) {
    const id = randomUUID();
    return this.db.transaction(async tx => {
      const inserted = await tx('escalation_attempts')
        .insert({
          id,
          escalation_id: attempt.escalationId,
          level: attempt.level,
          round: attempt.round,
          channel: attempt.channel,
          target: attempt.target,
          phone_number: attempt.phoneNumber,
          outcome: attempt.outcome,
          detail: attempt.detail,
          created_at: attempt.at,
          updated_at: attempt.at,
        })
        .onConflict(['escalation_id', 'round', 'level', 'channel', 'target'])
        .ignore()
        .returning('*');
      if (inserted.length === 0) return undefined;
      const stored = attemptFromRow(inserted[0]);
      await this.record(tx, stored, context);
      return stored;
    });
  }

  async updateAttempt(
    id: string,
    change: {
      from: EscalationAttemptOutcome[];
      outcome: EscalationAttemptOutcome;
      detail?: string | null;
      at: Date;
    },
    context: AttemptContext,
  ) {
    return this.db.transaction(async tx => {
      const rows: Row[] = await tx('escalation_attempts')
        .where('id', id)
        .whereIn('outcome', change.from)
        .update({
          outcome: change.outcome,
          ...(change.detail !== undefined ? { detail: change.detail } : {}),
          updated_at: change.at,
        })
        .returning('*');
      if (rows.length === 0) return undefined;
      const stored = attemptFromRow(rows[0]);
      await this.record(tx, stored, context);
      return stored;
    });
  }

  async recordCall(id: string, provider: string, callId: string) {
    await this.db('escalation_attempts')
      .where('id', id)
      .update({ provider, provider_call_id: callId });
  }

  async attempt(id: string) {
    const row = await this.db('escalation_attempts').where('id', id).first();
    return row ? attemptFromRow(row) : undefined;
  }

  /** The attempt's line in the alert's history and its audit entry, in the attempt's transaction. */
  private async record(
    tx: Knex.Transaction,
    attempt: StoredAttempt,
    context: AttemptContext,
  ) {
    await tx('alert_events').insert({
      alert_id: context.alertId,
      type: 'escalation',
      actor:
        attempt.outcome === 'acknowledged'
          ? attempt.target
          : 'sre-control-center',
      at: new Date(attempt.updatedAt),
      details: JSON.stringify(attemptHistoryDetails(attempt)),
    });
    await tx('audit_log').insert(auditRow(attemptAuditEntry(attempt, context)));
  }
}
