import { z } from 'zod';
import { entityQuerySchema, entityRefSchema } from './schemas';

/**
 * On-call escalation: an alert that matches a System's policy pages the
 * on-call person level by level (Backstage notification, phone call) until
 * someone acknowledges it, it resolves, or a person stops the escalation.
 */

/**
 * Where an escalation is. Only `active` ones page anyone.
 *
 * @public
 */
export type EscalationState =
  /** Paging: the next level is due at `nextStepAt`. */
  | 'active'
  /** Someone acknowledged the alert (portal, Azure, the SRE agent, the phone). */
  | 'acknowledged'
  /** The alert resolved or was closed. */
  | 'resolved'
  /** A person stopped it (`POST /escalations/:id/stop`). */
  | 'stopped'
  /** Every level (and repeat) was tried, nobody acknowledged. */
  | 'exhausted'
  /** A maintenance window was active when the alert fired: nobody was paged. */
  | 'suppressed';

/** @public */
export const escalationStateSchema = z.enum([
  'active',
  'acknowledged',
  'resolved',
  'stopped',
  'exhausted',
  'suppressed',
]);

/** @public */
export type EscalationChannel = 'notification' | 'phone';

/**
 * How one attempt turned out (phone attempts move along as the call does).
 *
 * @public
 */
export type EscalationAttemptOutcome =
  | 'notified'
  | 'calling'
  | 'ringing'
  | 'answered'
  | 'acknowledged'
  | 'wrong_key'
  | 'no_answer'
  | 'busy'
  | 'failed';

/**
 * One page of one person on one channel.
 *
 * @public
 */
export type EscalationAttempt = {
  id: string;
  escalationId: string;
  /** 0-based level of the policy; `round` counts repeats of all levels. */
  level: number;
  round: number;
  channel: EscalationChannel;
  /** The user entity ref paged. */
  target: string;
  /** E.164 number called (phone attempts). */
  phoneNumber: string | null;
  outcome: EscalationAttemptOutcome;
  /** Why it failed, or the key pressed. */
  detail: string | null;
  createdAt: string;
  updatedAt: string;
};

/**
 * An escalation of one alert firing (`GET /escalations`).
 *
 * @public
 */
export type Escalation = {
  id: string;
  alertId: string;
  alertName: string;
  entityRef: string;
  /** The policy's name in `sreControlCenter.escalation.policies`. */
  policy: string;
  urgency: 'high' | 'low';
  state: EscalationState;
  /** The level run next (while active) or last run. */
  level: number;
  round: number;
  nextStepAt: string | null;
  startedAt: string;
  endedAt: string | null;
  /** Who acknowledged or stopped it (user entity ref), or what resolved it. */
  endedBy: string | null;
  attempts: EscalationAttempt[];
};

/**
 * Who is on call (`GET /oncall`): per schedule of the System's policies.
 *
 * @public
 */
export type OnCallSchedule = {
  schedule: string;
  timeZone: string;
  current: { user: string; until: string } | null;
  next: { user: string; from: string } | null;
};

/** @public */
export type OnCallResponse = {
  entityRef: string;
  schedules: OnCallSchedule[];
  /** Whether the caller may stop the System's escalations. */
  canStop: boolean;
};

/**
 * Query of `GET /escalations`.
 *
 * @public
 */
export const listEscalationsQuerySchema = z.strictObject({
  entityRef: entityRefSchema,
  state: escalationStateSchema.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

/**
 * Query of `GET /oncall`.
 *
 * @public
 */
export const onCallQuerySchema = entityQuerySchema;

/**
 * Id of an escalation (`POST /escalations/:id/stop`).
 *
 * @public
 */
export const escalationIdSchema = z.uuid();

/**
 * Body of `POST /escalations/:id/stop`.
 *
 * @public
 */
export const stopEscalationBodySchema = z.strictObject({
  reason: z.string().trim().min(1).max(500).optional(),
});

/**
 * Pushed on the System's channel when one of its escalations changed.
 *
 * @public
 */
export type EscalationSignal = {
  type: 'escalations.changed';
  entityRef: string;
  escalationId: string;
};

/**
 * On a User: the E.164 number the on-call phone calls, e.g. +4915112345678.
 *
 * @public
 */
export const ANNOTATION_PHONE = 'sre-control-center/phone';

/**
 * E.164: a plus, a country code that does not start with 0, at most 15 digits.
 *
 * @public
 */
export const e164Schema = z
  .string()
  .regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 number such as +4915112345678');
