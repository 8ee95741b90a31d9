import type {
  AlertSeverity,
  EscalationAttempt,
  EscalationAttemptOutcome,
  EscalationChannel,
  EscalationState,
} from '@sre-control-center/plugin-sre-control-center-common';

/** Who a level pages: one user, or whoever a schedule has on call (now, or the next shift's person). */
export type EscalationTarget =
  | { user: string }
  | { schedule: string; position: 'current' | 'next' };

/** One level of a policy: who, how, and how long after the previous level. */
export interface EscalationLevel {
  /** Minutes after the previous level (after the start for the first) before this one pages. */
  afterMinutes: number;
  targets: EscalationTarget[];
  channels: EscalationChannel[];
}

/** Local hours in which low-urgency escalations wait (high urgency always pages). */
export interface QuietHours {
  /** HH:mm, local. */
  from: string;
  /** HH:mm, local; before `from` means the next day. */
  to: string;
  timeZone: string;
}

/** How one System's alerts escalate. */
export interface EscalationPolicy {
  name: string;
  entityRef: string;
  /** Severities paged at high urgency (phone at night) and at low urgency (quiet hours apply). */
  high: AlertSeverity[];
  low: AlertSeverity[];
  levels: EscalationLevel[];
  /** How often all levels run again after the last one, nobody having acknowledged. */
  repeat: number;
  /** Minutes after the last level before a repeat (or giving up). */
  repeatAfterMinutes: number;
  quietHours?: QuietHours;
}

/** A person's turn replacing the rotation's, e.g. a swap. */
export interface ScheduleOverride {
  user: string;
  from: Date;
  until: Date;
}

/** A rotation of catalog users in shifts of `lengthDays`, handing off at a local time. */
export interface OnCallSchedule {
  name: string;
  timeZone: string;
  users: string[];
  /** First shift's day, YYYY-MM-DD, local. */
  start: string;
  /** HH:mm, local: when one shift hands off to the next. */
  handoffTime: string;
  lengthDays: number;
  overrides: ScheduleOverride[];
}

/** One person's time on call. */
export interface Shift {
  user: string;
  from: Date;
  until: Date;
}

/** An escalation as stored. */
export interface EscalationRecord {
  id: string;
  alertId: string;
  alertName: string;
  entityRef: string;
  policy: string;
  urgency: 'high' | 'low';
  state: EscalationState;
  /** The level run next (levels.length: waiting after the last one). */
  level: number;
  round: number;
  nextStepAt: Date | null;
  startedAt: Date;
  endedAt: Date | null;
  endedBy: string | null;
}

export type { EscalationAttempt, EscalationAttemptOutcome, EscalationChannel };

/** Outcomes after which an attempt changes no more. */
export const FINAL_OUTCOMES: ReadonlySet<EscalationAttemptOutcome> = new Set([
  'notified',
  'acknowledged',
  'wrong_key',
  'no_answer',
  'busy',
  'failed',
]);

/** Outcomes of a call still under way. */
export const OPEN_CALL_OUTCOMES: EscalationAttemptOutcome[] = [
  'calling',
  'ringing',
  'answered',
];
