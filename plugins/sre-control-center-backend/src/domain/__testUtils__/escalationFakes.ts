/** In-memory fakes of the escalation ports, with the store's conditional writes. */
import type { Alert } from '@sre-control-center/plugin-sre-control-center-common';
import { randomUUID } from 'node:crypto';
import type { AuditEntry } from '../audit';
import type {
  AttemptContext,
  CallRequest,
  EscalationRecord,
  EscalationStore,
  NewAttempt,
  NewEscalation,
  PhoneCaller,
  StoredAttempt,
} from '../escalation';
import { attemptAuditEntry } from '../escalation';

export class FakeEscalationStore implements EscalationStore {
  readonly escalations = new Map<
    string,
    EscalationRecord & { leaseHolder?: string; leaseUntil?: Date }
  >();
  readonly attempts = new Map<string, StoredAttempt>();
  readonly audit: AuditEntry[] = [];

  async create(e: NewEscalation, audit: AuditEntry) {
    const existing = [...this.escalations.values()].find(
      x => x.alertId === e.alertId,
    );
    if (existing) return { escalation: { ...existing }, created: false };
    const escalation: EscalationRecord = {
      id: randomUUID(),
      endedAt: null,
      endedBy: null,
      ...e,
    } as EscalationRecord;
    this.escalations.set(escalation.id, { ...escalation });
    this.audit.push(audit);
    return { escalation, created: true };
  }

  async get(id: string) {
    const e = this.escalations.get(id);
    return e ? strip(e) : undefined;
  }

  async byAlert(alertId: string) {
    const e = [...this.escalations.values()].find(x => x.alertId === alertId);
    return e ? strip(e) : undefined;
  }

  async alertsWithEscalation(alertIds: string[]) {
    const ids = new Set(alertIds);
    return new Set(
      [...this.escalations.values()]
        .map(e => e.alertId)
        .filter(id => ids.has(id)),
    );
  }

  async list(filter: {
    entityRef: string;
    state?: EscalationRecord['state'];
    limit: number;
  }) {
    return [...this.escalations.values()]
      .filter(
        e =>
          e.entityRef === filter.entityRef &&
          (!filter.state || e.state === filter.state),
      )
      .sort((a, b) => b.startedAt.getTime() - a.startedAt.getTime())
      .slice(0, filter.limit)
      .map(strip);
  }

  async attemptsOf(ids: string[]) {
    return [...this.attempts.values()].filter(a =>
      ids.includes(a.escalationId),
    );
  }

  async claimDue(o: {
    holder: string;
    now: Date;
    leaseMs: number;
    limit: number;
  }) {
    const due = [...this.escalations.values()].filter(
      e =>
        e.state === 'active' &&
        e.nextStepAt !== null &&
        e.nextStepAt <= o.now &&
        (!e.leaseUntil || e.leaseUntil < o.now),
    );
    return due.slice(0, o.limit).map(e => {
      e.leaseHolder = o.holder;
      e.leaseUntil = new Date(o.now.getTime() + o.leaseMs);
      return strip(e);
    });
  }

  async advance(
    id: string,
    holder: string,
    next: { level: number; round: number; nextStepAt: Date },
  ) {
    const e = this.escalations.get(id);
    if (!e || e.leaseHolder !== holder || e.state !== 'active') return false;
    Object.assign(e, next, { leaseHolder: undefined, leaseUntil: undefined });
    return true;
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
    const e = this.escalations.get(id);
    if (!e || e.state !== 'active') return undefined;
    Object.assign(e, {
      state: end.state,
      endedBy: end.endedBy,
      endedAt: end.at,
      nextStepAt: null,
      leaseHolder: undefined,
      leaseUntil: undefined,
    });
    this.audit.push(audit);
    return strip(e);
  }

  async hurry(id: string, after: { level: number; round: number }, now: Date) {
    const e = this.escalations.get(id);
    if (
      !e ||
      e.state !== 'active' ||
      e.level !== after.level ||
      e.round !== after.round
    )
      return false;
    e.nextStepAt = now;
    return true;
  }

  async addAttempt(a: NewAttempt, context: AttemptContext) {
    const dup = [...this.attempts.values()].find(
      x =>
        x.escalationId === a.escalationId &&
        x.level === a.level &&
        x.round === a.round &&
        x.channel === a.channel &&
        x.target === a.target,
    );
    if (dup) return undefined;
    const { at, ...rest } = a;
    const attempt: StoredAttempt = {
      id: randomUUID(),
      ...rest,
      createdAt: at.toISOString(),
      updatedAt: at.toISOString(),
      provider: null,
      providerCallId: null,
    };
    this.attempts.set(attempt.id, attempt);
    this.audit.push(attemptAuditEntry(attempt, context));
    return { ...attempt };
  }

  async updateAttempt(
    id: string,
    change: Parameters<EscalationStore['updateAttempt']>[1],
    context: AttemptContext,
  ) {
    const a = this.attempts.get(id);
    if (!a || !change.from.includes(a.outcome)) return undefined;
    a.outcome = change.outcome;
    if (change.detail !== undefined) a.detail = change.detail;
    a.updatedAt = change.at.toISOString();
    this.audit.push(attemptAuditEntry(a, context));
    return { ...a };
  }

  async recordCall(id: string, provider: string, callId: string) {
    const a = this.attempts.get(id);
    if (a) Object.assign(a, { provider, providerCallId: callId });
  }

  async attempt(id: string) {
    const a = this.attempts.get(id);
    return a ? { ...a } : undefined;
  }
}

function strip(
  e: EscalationRecord & { leaseHolder?: string; leaseUntil?: Date },
): EscalationRecord {
  const { leaseHolder: _h, leaseUntil: _u, ...rest } = e;
  return { ...rest };
}

/** A phone that records the calls it was asked to place. */
export class FakePhone implements PhoneCaller {
  readonly provider = 'fake';
  readonly calls: CallRequest[] = [];
  fail?: Error;
  async call(request: CallRequest) {
    if (this.fail) throw this.fail;
    this.calls.push(request);
    return { callId: `call-${this.calls.length}` };
  }
}

/** Alerts by id, changed by the test (or by the fake acknowledger). */
export class FakeAlertBook {
  readonly alerts = new Map<string, Alert>();
  async get(id: string) {
    return this.alerts.get(id);
  }
  async firedSince(entityRef: string, since: Date) {
    return [...this.alerts.values()]
      .filter(a => a.entityRef === entityRef && new Date(a.firedAt) >= since)
      .sort((a, b) => b.firedAt.localeCompare(a.firedAt));
  }
}
