import type { Alert } from '@sre-control-center/plugin-sre-control-center-common';
import type { AuditEntry } from '../audit';
import type {
  EscalationAttempt,
  EscalationAttemptOutcome,
  EscalationChannel,
  EscalationRecord,
} from './types';

/** A new escalation, as the engine starts it. */
export type NewEscalation = Omit<
  EscalationRecord,
  'id' | 'endedAt' | 'endedBy'
> & {
  endedAt?: Date | null;
  endedBy?: string | null;
};

/** A new attempt: one channel, one person, one level of one round. */
export interface NewAttempt {
  escalationId: string;
  level: number;
  round: number;
  channel: EscalationChannel;
  target: string;
  phoneNumber: string | null;
  outcome: EscalationAttemptOutcome;
  detail: string | null;
  at: Date;
}

/** The alert an attempt is about: its history line and audit entry name it. */
export interface AttemptContext {
  alertId: string;
  alertName: string;
  entityRef: string;
}

/** An attempt as one line of the alert's history (`alert_events`, type `escalation`). */
export function attemptHistoryDetails(attempt: EscalationAttempt) {
  return {
    escalationId: attempt.escalationId,
    attemptId: attempt.id,
    level: attempt.level,
    round: attempt.round,
    channel: attempt.channel,
    target: attempt.target,
    outcome: attempt.outcome,
    ...(attempt.detail ? { detail: attempt.detail } : {}),
  };
}

/** An attempt (or its new outcome) in the audit trail. */
export function attemptAuditEntry(
  attempt: EscalationAttempt,
  context: AttemptContext,
): AuditEntry {
  const how =
    attempt.channel === 'phone'
      ? `phone ${attempt.phoneNumber ?? '(no number)'}`
      : 'notification';
  return {
    entityRef: context.entityRef,
    actor:
      attempt.outcome === 'acknowledged'
        ? attempt.target
        : 'sre-control-center',
    action: 'escalation.attempt',
    target: context.alertId,
    at: new Date(attempt.updatedAt),
    details: {
      summary: `${context.alertName}: level ${attempt.level + 1} ${how} to ${
        attempt.target
      }: ${attempt.outcome.replace('_', ' ')}${
        attempt.detail ? ` (${attempt.detail})` : ''
      }`,
      ...attemptHistoryDetails(attempt),
    },
  };
}

/** An attempt with what only the backend needs: the provider's call id. */
export interface StoredAttempt extends EscalationAttempt {
  providerCallId: string | null;
  provider: string | null;
}

/**
 * Escalations and their attempts. Every change is conditional, so that two
 * replicas never page twice: one escalation per alert, one replica working
 * a due step at a time (a lease), one attempt per level, round, channel and
 * person, and an attempt's outcome changes only from an open call outcome.
 * Each change that matters writes its alert history line and audit entry in
 * the same transaction.
 */
export interface EscalationStore {
  /** Creates the alert's escalation unless it has one: `created` false means someone else did. */
  create(
    escalation: NewEscalation,
    audit: AuditEntry,
  ): Promise<{ escalation: EscalationRecord; created: boolean }>;
  get(id: string): Promise<EscalationRecord | undefined>;
  byAlert(alertId: string): Promise<EscalationRecord | undefined>;
  /** Which of these alerts have an escalation (of any state). */
  alertsWithEscalation(alertIds: string[]): Promise<Set<string>>;
  list(filter: {
    entityRef: string;
    state?: EscalationRecord['state'];
    limit: number;
  }): Promise<EscalationRecord[]>;
  attemptsOf(escalationIds: string[]): Promise<StoredAttempt[]>;
  /** Leases active escalations whose next step is due and nobody holds. */
  claimDue(options: {
    holder: string;
    now: Date;
    leaseMs: number;
    limit: number;
  }): Promise<EscalationRecord[]>;
  /** Moves a leased escalation to its next step and releases it; false when the lease was lost. */
  advance(
    id: string,
    holder: string,
    next: { level: number; round: number; nextStepAt: Date },
  ): Promise<boolean>;
  /** Ends an active escalation; undefined when it had ended already. */
  finish(
    id: string,
    end: {
      state: Exclude<EscalationRecord['state'], 'active'>;
      endedBy: string | null;
      at: Date;
    },
    audit: AuditEntry,
  ): Promise<EscalationRecord | undefined>;
  /**
   * Makes the next step due now, if the escalation is active and still
   * waiting after `after` (level and round): a call nobody answered moves on
   * at once instead of waiting out the level's minutes.
   */
  hurry(
    id: string,
    after: { level: number; round: number },
    now: Date,
  ): Promise<boolean>;
  /** Records an attempt unless that one exists (another replica made it). */
  addAttempt(
    attempt: NewAttempt,
    context: AttemptContext,
  ): Promise<StoredAttempt | undefined>;
  /** Changes an attempt's outcome, only while it is one of `from`; undefined when it was not. */
  updateAttempt(
    id: string,
    change: {
      from: EscalationAttemptOutcome[];
      outcome: EscalationAttemptOutcome;
      detail?: string | null;
      at: Date;
    },
    context: AttemptContext,
  ): Promise<StoredAttempt | undefined>;
  /** Keeps the provider's call id (its callbacks may come before `ringing` is stored). */
  recordCall(id: string, provider: string, callId: string): Promise<void>;
  attempt(id: string): Promise<StoredAttempt | undefined>;
}

/** A page sent to a person in the portal (Backstage notifications). */
export interface EscalationNotifier {
  notify(page: {
    user: string;
    alert: Alert;
    level: number;
    escalationId: string;
  }): Promise<void>;
}

/** What the phone says and which key acknowledges. */
export interface CallRequest {
  attemptId: string;
  to: string;
  prompt: string;
  ackKey: string;
}

/** A phone provider (Communication Services, Twilio): places the call; callbacks report how it went. */
export interface PhoneCaller {
  readonly provider: string;
  call(request: CallRequest): Promise<{ callId: string }>;
}

/** What a callback says happened on a call. */
export type CallEvent =
  | { kind: 'ringing' }
  | { kind: 'answered' }
  | { kind: 'pressed'; key: string }
  | { kind: 'no_answer' }
  | { kind: 'busy' }
  | { kind: 'failed'; reason: string }
  /** The call ended; an answered call without a key press counts as not acknowledged. */
  | { kind: 'ended' };

/** Phone numbers of users (the catalog's User entities). */
export interface PeopleDirectory {
  /** The user's E.164 number, undefined when they have none; throws for an invalid one. */
  phoneOf(userRef: string): Promise<string | undefined>;
}

/** Whether a System's paging is silenced right now. */
export interface MaintenanceCheck {
  activeWindow(entityRef: string): Promise<{ name: string } | undefined>;
}

/** Acknowledges the alert as a person would (Azure first, then the portal). */
export interface AlertAcknowledger {
  acknowledge(alertId: string, actor: string, comment: string): Promise<void>;
}

export interface EscalationPublisher {
  escalationChanged(entityRef: string, escalationId: string): Promise<void>;
}
