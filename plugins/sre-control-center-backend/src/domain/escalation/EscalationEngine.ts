import type {
  Alert,
  Escalation,
  EscalationAttemptOutcome,
  OnCallSchedule as OnCallView,
} from '@sre-control-center/plugin-sre-control-center-common';
import { ConflictError, NotFoundError } from '@backstage/errors';
import type { AlertRepository } from '../alerts/ports';
import type { AuditEntry, AuditMirror } from '../audit';
import {
  attemptAuditEntry,
  type AttemptContext,
  type NewAttempt,
} from './ports';
import type {
  AlertAcknowledger,
  CallEvent,
  EscalationNotifier,
  EscalationPublisher,
  EscalationStore,
  MaintenanceCheck,
  PeopleDirectory,
  PhoneCaller,
  StoredAttempt,
} from './ports';
import { nextOnCall, onCallAt, quietUntil } from './schedules';
import {
  OPEN_CALL_OUTCOMES,
  type EscalationLevel,
  type EscalationPolicy,
  type EscalationRecord,
  type EscalationTarget,
  type OnCallSchedule,
} from './types';

/** Who the engine's own entries are by. */
export const ENGINE_ACTOR = 'sre-control-center';
/** How long a replica holds a due step: long enough to place a few calls. */
export const STEP_LEASE_MS = 60_000;
const SWEEP_BATCH = 20;
/**
 * How long a System's maintenance answer is reused: a storm of firings for
 * one System asks Azure once, not once per alert. A window created in the
 * Azure portal is seen within this time.
 */
export const MAINTENANCE_CACHE_MS = 30_000;
/** Longer than this and the check counts as failed: page rather than wait. */
export const MAINTENANCE_TIMEOUT_MS = 5_000;
/** Firings the sweep looks back at for escalations that never started (a crash after the alert was stored). */
export const CATCH_UP_MS = 15 * 60_000;

export interface EscalationEngineOptions {
  policies: EscalationPolicy[];
  schedules: OnCallSchedule[];
  store: EscalationStore;
  alerts: Pick<AlertRepository, 'get' | 'firedSince'>;
  notifier: EscalationNotifier;
  /** Undefined when no phone provider is configured: phone attempts fail, the next level follows. */
  phone?: PhoneCaller;
  people: PeopleDirectory;
  maintenance: MaintenanceCheck;
  acknowledger: AlertAcknowledger;
  publisher: EscalationPublisher;
  mirror: AuditMirror;
  /** Unique per backend instance: the holder of step leases. */
  holder: string;
  /** The key that acknowledges on the phone (default 1). */
  ackKey: string;
  /** Default {@link MAINTENANCE_TIMEOUT_MS}. */
  maintenanceTimeoutMs?: number;
  now?: () => Date;
  onError?: (error: unknown) => void;
}

/**
 * The escalation state machine. An alert that fires New for a System with a
 * matching policy starts one escalation (one per alert, whichever replica
 * hears of it first). Each level pages its people on its channels, then the
 * escalation waits the next level's minutes for an acknowledgement; a call
 * that is not answered, busy, or answered with another key moves on at
 * once. It ends when the alert is acknowledged or resolved anywhere, when a
 * person stops it, or after the last level (and its repeats). Timers are
 * stored (`nextStepAt`), so a restart continues where it was: the scheduled
 * sweep runs whatever is due.
 */
export class EscalationEngine {
  private readonly policies: EscalationPolicy[];
  private readonly schedules: Map<string, OnCallSchedule>;
  private background: Promise<void> = Promise.resolve();
  /** Firings heard of and not started yet, the newest version of each alert. */
  private readonly toStart = new Map<string, Alert>();
  private readonly maintenanceAnswers = new Map<
    string,
    { at: number; window: Promise<{ name: string } | undefined> }
  >();
  /** Alerts being acknowledged by phone here, and by whom: the listener ends their escalation in that person's name. */
  private readonly acknowledging = new Map<string, string>();

  constructor(private readonly options: EscalationEngineOptions) {
    this.policies = options.policies;
    this.schedules = new Map(options.schedules.map(s => [s.name, s]));
  }

  /** The policy that escalates this alert, and at which urgency. */
  policyFor(
    alert: Alert,
  ): { policy: EscalationPolicy; urgency: 'high' | 'low' } | undefined {
    if (!alert.entityRef) return undefined;
    for (const policy of this.policies) {
      if (policy.entityRef !== alert.entityRef) continue;
      if (policy.high.includes(alert.severity))
        return { policy, urgency: 'high' };
      if (policy.low.includes(alert.severity))
        return { policy, urgency: 'low' };
    }
    return undefined;
  }

  /**
   * The alert listener: firings start escalations, acknowledgements and
   * resolutions end them. Ends are awaited (database only), so a key press
   * ends its escalation in the caller's name before the call is answered.
   * Starts run in the background: starting asks Azure about maintenance
   * windows and pages people, and the alert pipeline waits for neither.
   */
  async alertsChanged(alerts: Alert[]): Promise<void> {
    let queued = false;
    for (const alert of alerts) {
      if (!alert.entityRef) continue;
      if (!stillPaging(alert)) {
        this.toStart.delete(alert.id);
        await this.endForAlert(alert);
      } else if (this.policyFor(alert)) {
        this.toStart.set(alert.id, alert);
        queued = true;
      }
    }
    if (queued) this.startSoon();
  }

  /** Starts what was heard of, then runs the first levels, in the background. */
  private startSoon(): void {
    const run = this.background
      .then(async () => {
        if ((await this.startQueued()) > 0) await this.runDueSteps();
      })
      .catch(error => this.options.onError?.(error));
    this.background = run.then(() => undefined);
  }

  private async startQueued(): Promise<number> {
    let started = 0;
    while (this.toStart.size > 0) {
      const alerts = [...this.toStart.values()];
      this.toStart.clear();
      started += await this.startEach(alerts);
    }
    return started;
  }

  /** Starts each alert's escalation; a failed start is reported and left to the sweep's catch-up. */
  private async startEach(alerts: Alert[]): Promise<number> {
    let started = 0;
    for (const alert of alerts) {
      try {
        if (await this.start(alert)) started += 1;
      } catch (error) {
        this.options.onError?.(error);
      }
    }
    return started;
  }

  /** Starts the alert's escalation; resolves whether this call created it. */
  async start(alert: Alert): Promise<boolean> {
    const match = this.policyFor(alert);
    if (!match || !alert.entityRef) return false;
    if (await this.options.store.byAlert(alert.id)) return false;
    const { policy, urgency } = match;
    const now = this.now();
    const window = await this.maintenanceWindow(alert.entityRef);
    const base = {
      alertId: alert.id,
      alertName: alert.name,
      entityRef: alert.entityRef,
      policy: policy.name,
      urgency,
      level: 0,
      round: 0,
      startedAt: now,
    };
    const audit = this.entry(
      alert.entityRef,
      window ? 'escalation.suppressed' : 'escalation.started',
      alert.id,
      now,
      {
        summary: window
          ? `${alert.name}: nobody paged, maintenance window ${window.name} is active`
          : `${alert.name}: escalation started (${policy.name}, ${urgency} urgency)`,
        policy: policy.name,
        urgency,
      },
    );
    const { escalation, created } = await this.options.store.create(
      window
        ? {
            ...base,
            state: 'suppressed',
            nextStepAt: null,
            endedAt: now,
            endedBy: ENGINE_ACTOR,
          }
        : {
            ...base,
            state: 'active',
            nextStepAt: new Date(
              now.getTime() + policy.levels[0].afterMinutes * 60_000,
            ),
          },
      audit,
    );
    if (created) {
      this.options.mirror.record(audit);
      await this.announce(escalation);
    }
    return created;
  }

  /**
   * The System's active maintenance window, if any: cached per System for
   * {@link MAINTENANCE_CACHE_MS}; a check that fails or takes longer than
   * {@link MAINTENANCE_TIMEOUT_MS} counts as none, because paging when
   * unsure beats silence.
   */
  private maintenanceWindow(
    entityRef: string,
  ): Promise<{ name: string } | undefined> {
    const at = this.now().getTime();
    const cached = this.maintenanceAnswers.get(entityRef);
    if (cached && at - cached.at < MAINTENANCE_CACHE_MS) return cached.window;
    const limit = this.options.maintenanceTimeoutMs ?? MAINTENANCE_TIMEOUT_MS;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new Error(
              `Maintenance check for ${entityRef} took longer than ${limit} ms; paging anyway`,
            ),
          ),
        limit,
      );
    });
    const window = Promise.race([
      this.options.maintenance.activeWindow(entityRef),
      timeout,
    ])
      .catch(error => {
        this.options.onError?.(error);
        return undefined;
      })
      .finally(() => clearTimeout(timer));
    this.maintenanceAnswers.set(entityRef, { at, window });
    return window;
  }

  /**
   * Starts the escalations of recent firings that have none: the listener
   * missed them (a crash right after the alert was stored, a failed start).
   */
  private async catchUp(): Promise<number> {
    const since = new Date(this.now().getTime() - CATCH_UP_MS);
    const systems = [...new Set(this.policies.map(p => p.entityRef))];
    let started = 0;
    for (const entityRef of systems) {
      const candidates = (
        await this.options.alerts.firedSince(entityRef, since)
      ).filter(
        a => stillPaging(a) && this.policyFor(a) && !this.toStart.has(a.id),
      );
      if (candidates.length === 0) continue;
      const escalated = await this.options.store.alertsWithEscalation(
        candidates.map(a => a.id),
      );
      started += await this.startEach(
        candidates.filter(a => !escalated.has(a.id)),
      );
    }
    return started;
  }

  /**
   * The scheduled sweep: starts what the listener missed, then runs every
   * due step. Resolves how many escalations it started or stepped.
   */
  async sweep(): Promise<number> {
    return (await this.catchUp()) + (await this.runDueSteps());
  }

  /**
   * Runs every due step: from the sweep, and right after a start or a failed
   * call (without the catch-up's read of recent alerts, which a storm's
   * every batch would repeat).
   */
  private async runDueSteps(): Promise<number> {
    let done = 0;
    // A level nobody could be reached at makes the next one due at once: go
    // round again while steps were due (bounded, in case of a bug).
    for (let pass = 0; pass < 50; pass++) {
      const due = await this.options.store.claimDue({
        holder: this.options.holder,
        now: this.now(),
        leaseMs: STEP_LEASE_MS,
        limit: SWEEP_BATCH,
      });
      for (const escalation of due) {
        try {
          await this.step(escalation);
        } catch (error) {
          // The lease runs out and the next sweep tries again.
          this.options.onError?.(error);
        }
      }
      done += due.length;
      if (due.length === 0) break;
    }
    return done;
  }

  /** One due step of a leased escalation. */
  private async step(escalation: EscalationRecord): Promise<void> {
    const { store, holder } = this.options;
    const now = this.now();
    const alert = await this.options.alerts.get(escalation.alertId);
    if (!alert || !stillPaging(alert)) {
      // A change the listener missed (another replica, a crash in between).
      if (alert) await this.endForAlert(alert);
      else await this.end(escalation, 'resolved', null, 'the alert is gone');
      return;
    }
    const policy = this.policies.find(p => p.name === escalation.policy);
    if (!policy) {
      await this.end(
        escalation,
        'stopped',
        ENGINE_ACTOR,
        `policy ${escalation.policy} is no longer configured`,
      );
      return;
    }
    if (escalation.urgency === 'low' && policy.quietHours) {
      const until = quietUntil(policy.quietHours, now);
      if (until) {
        await store.advance(escalation.id, holder, {
          level: escalation.level,
          round: escalation.round,
          nextStepAt: until,
        });
        return;
      }
    }
    let { level, round } = escalation;
    if (level >= policy.levels.length) {
      if (round >= policy.repeat) {
        await this.end(
          escalation,
          'exhausted',
          ENGINE_ACTOR,
          'every level was paged, nobody acknowledged',
        );
        return;
      }
      level = 0;
      round += 1;
    }
    const outcomes = await this.runLevel(
      escalation,
      alert,
      policy.levels[level],
      level,
      round,
    );
    const next = policy.levels[level + 1];
    const waitMinutes = next ? next.afterMinutes : policy.repeatAfterMinutes;
    // Nobody could be reached at this level: no point waiting for an acknowledgement.
    const reached = outcomes.some(
      o => o === 'notified' || OPEN_CALL_OUTCOMES.includes(o),
    );
    await store.advance(escalation.id, holder, {
      level: level + 1,
      round,
      nextStepAt: reached
        ? new Date(now.getTime() + waitMinutes * 60_000)
        : now,
    });
    await this.announce(escalation);
  }

  /** Pages each person of the level on each channel; resolves the attempts' outcomes. */
  private async runLevel(
    escalation: EscalationRecord,
    alert: Alert,
    level: EscalationLevel,
    index: number,
    round: number,
  ): Promise<EscalationAttemptOutcome[]> {
    const now = this.now();
    const users = [
      ...new Set(
        level.targets
          .map(target => this.resolve(target, now))
          .filter((u): u is string => !!u),
      ),
    ];
    const outcomes: EscalationAttemptOutcome[] = [];
    for (const user of users) {
      // Notification before phone, whatever the config's order: the store
      // lists attempts of the same instant in that order too.
      for (const channel of [...level.channels].sort()) {
        const outcome =
          channel === 'notification'
            ? await this.notify(escalation, alert, user, index, round)
            : await this.call(escalation, alert, user, index, round);
        if (outcome) outcomes.push(outcome);
      }
    }
    return outcomes;
  }

  private async notify(
    escalation: EscalationRecord,
    alert: Alert,
    user: string,
    level: number,
    round: number,
  ): Promise<EscalationAttemptOutcome | undefined> {
    const attempt = await this.addAttempt(
      {
        escalationId: escalation.id,
        level,
        round,
        channel: 'notification',
        target: user,
        phoneNumber: null,
        outcome: 'notified',
        detail: null,
        at: this.now(),
      },
      this.context(escalation),
    );
    // Undefined: another replica made this attempt already.
    if (!attempt) return undefined;
    try {
      await this.options.notifier.notify({
        user,
        alert,
        level,
        escalationId: escalation.id,
      });
      return 'notified';
    } catch (error) {
      await this.updateAttempt(
        attempt.id,
        {
          from: ['notified'],
          outcome: 'failed',
          detail: String((error as Error).message ?? error),
          at: this.now(),
        },
        this.context(escalation),
      );
      return 'failed';
    }
  }

  private async call(
    escalation: EscalationRecord,
    alert: Alert,
    user: string,
    level: number,
    round: number,
  ): Promise<EscalationAttemptOutcome | undefined> {
    const { store, phone } = this.options;
    let number: string | undefined;
    let problem: string | undefined;
    try {
      number = await this.options.people.phoneOf(user);
      if (!number)
        problem = `${user} has no sre-control-center/phone annotation`;
    } catch (error) {
      problem = (error as Error).message;
    }
    if (!problem && !phone)
      problem =
        'no phone provider is configured (sreControlCenter.escalation.phone)';
    const attempt = await this.addAttempt(
      {
        escalationId: escalation.id,
        level,
        round,
        channel: 'phone',
        target: user,
        phoneNumber: number ?? null,
        outcome: problem ? 'failed' : 'calling',
        detail: problem ?? null,
        at: this.now(),
      },
      this.context(escalation),
    );
    if (!attempt) return undefined;
    if (problem || !phone || !number) return 'failed';
    try {
      const { callId } = await phone.call({
        attemptId: attempt.id,
        to: number,
        prompt: this.prompt(alert),
        ackKey: this.options.ackKey,
      });
      await store.recordCall(attempt.id, phone.provider, callId);
      // A callback may have moved the attempt on already; then it stays as it is.
      await this.updateAttempt(
        attempt.id,
        { from: ['calling'], outcome: 'ringing', at: this.now() },
        this.context(escalation),
      );
      return 'ringing';
    } catch (error) {
      await this.updateAttempt(
        attempt.id,
        {
          from: OPEN_CALL_OUTCOMES,
          outcome: 'failed',
          detail: `the call could not be placed: ${(error as Error).message}`,
          at: this.now(),
        },
        this.context(escalation),
      );
      return 'failed';
    }
  }

  /** What the phone reads out: the alert's name, severity, resource and description. */
  prompt(alert: Alert): string {
    const resource = alert.targetResourceId?.split('/').pop() ?? 'no resource';
    const description = alert.description ? ` ${alert.description}.` : '';
    return `SRE Control Center. ${alert.severity} alert ${alert.name} on ${resource}.${description} Press ${this.options.ackKey} to acknowledge.`;
  }

  /** The attempt a callback is about, with its escalation and alert (the ACS adapter reads the prompt from it). */
  async callContext(attemptId: string): Promise<
    | {
        attempt: StoredAttempt;
        escalation: EscalationRecord;
        alert: Alert | undefined;
        prompt: string;
      }
    | undefined
  > {
    const attempt = await this.options.store.attempt(attemptId);
    if (!attempt || attempt.channel !== 'phone') return undefined;
    const escalation = await this.options.store.get(attempt.escalationId);
    if (!escalation) return undefined;
    const alert = await this.options.alerts.get(escalation.alertId);
    return {
      attempt,
      escalation,
      alert,
      prompt: alert ? this.prompt(alert) : '',
    };
  }

  /**
   * A provider's callback about a call. Resolves false for an unknown
   * attempt or a call that is over (providers retry errors, so these are
   * answered and ignored). The acknowledgement key acknowledges the alert as
   * the person called; anything else that ends the call moves on to the
   * next level at once.
   */
  async callEvent(
    attemptId: string,
    event: CallEvent,
  ): Promise<{ handled: boolean; acknowledged: boolean }> {
    const context = await this.callContext(attemptId);
    if (!context) return { handled: false, acknowledged: false };
    const { attempt, escalation } = context;
    const { store } = this.options;
    const at = this.now();
    const update = (
      outcome: EscalationAttemptOutcome,
      from: EscalationAttemptOutcome[],
      detail?: string,
    ) =>
      this.updateAttempt(
        attempt.id,
        { from, outcome, detail: detail ?? null, at },
        this.context(escalation),
      );

    let changed: StoredAttempt | undefined;
    let acknowledged = false;
    switch (event.kind) {
      case 'ringing':
        changed = await update('ringing', ['calling']);
        break;
      case 'answered':
        changed = await update('answered', ['calling', 'ringing']);
        break;
      case 'pressed':
        if (
          event.key === this.options.ackKey &&
          OPEN_CALL_OUTCOMES.includes(attempt.outcome)
        ) {
          this.acknowledging.set(escalation.alertId, attempt.target);
          try {
            await this.options.acknowledger.acknowledge(
              escalation.alertId,
              attempt.target,
              `acknowledged by phone (${attempt.phoneNumber})`,
            );
          } catch (error) {
            if (!(error instanceof ConflictError)) {
              changed = await update(
                'failed',
                OPEN_CALL_OUTCOMES,
                `pressed ${
                  event.key
                }, but the alert could not be acknowledged: ${
                  (error as Error).message
                }`,
              );
              break;
            }
            // Closed meanwhile: nothing left to acknowledge.
          } finally {
            this.acknowledging.delete(escalation.alertId);
          }
          changed = await update(
            'acknowledged',
            OPEN_CALL_OUTCOMES,
            `pressed ${event.key}`,
          );
          if (changed) {
            acknowledged = true;
            await this.end(
              escalation,
              'acknowledged',
              attempt.target,
              `acknowledged by phone by ${attempt.target}`,
            );
          }
        } else {
          changed = await update(
            'wrong_key',
            OPEN_CALL_OUTCOMES,
            `pressed ${event.key}`,
          );
        }
        break;
      case 'no_answer':
      case 'busy':
        changed = await update(event.kind, OPEN_CALL_OUTCOMES);
        break;
      case 'failed':
        changed = await update('failed', OPEN_CALL_OUTCOMES, event.reason);
        break;
      case 'ended':
        changed = await update(
          'no_answer',
          OPEN_CALL_OUTCOMES,
          'the call ended without a key press',
        );
        break;
      default:
        break;
    }
    if (!changed) return { handled: false, acknowledged: false };
    if (!acknowledged && !OPEN_CALL_OUTCOMES.includes(changed.outcome)) {
      // Nobody acknowledged on this call: the next level now, not after its minutes.
      const hurried = await store.hurry(
        escalation.id,
        { level: attempt.level + 1, round: attempt.round },
        at,
      );
      if (hurried) this.sweepSoon();
    }
    await this.announce(escalation);
    return { handled: true, acknowledged };
  }

  /** Sweeps in the background: a callback is answered before the next level's calls go out. */
  private sweepSoon(): void {
    const run = this.background
      .then(() => this.runDueSteps())
      .catch(error => this.options.onError?.(error));
    this.background = run.then(() => undefined);
  }

  /** Resolves once background sweeps started so far are done (tests, shutdown). */
  async settled(): Promise<void> {
    await this.background;
  }

  /** A person ends an active escalation (the alert stays as it is). */
  async stop(id: string, actor: string, reason?: string): Promise<Escalation> {
    const escalation = await this.options.store.get(id);
    if (!escalation) throw new NotFoundError(`No escalation ${id}`);
    if (escalation.state !== 'active') {
      throw new ConflictError(
        `Escalation ${id} is ${escalation.state} already`,
      );
    }
    const ended = await this.end(
      escalation,
      'stopped',
      actor,
      reason ? `stopped: ${reason}` : 'stopped',
    );
    if (!ended) throw new ConflictError(`Escalation ${id} ended meanwhile`);
    return (await this.view([ended]))[0];
  }

  async get(id: string): Promise<EscalationRecord | undefined> {
    return this.options.store.get(id);
  }

  /** A System's escalations with their attempts, newest first. */
  async list(
    entityRef: string,
    state: EscalationRecord['state'] | undefined,
    limit: number,
  ): Promise<Escalation[]> {
    return this.view(
      await this.options.store.list({ entityRef, state, limit }),
    );
  }

  /** Who is on call now and next, per schedule the System's policies name. */
  onCall(entityRef: string): OnCallView[] {
    const names = new Set<string>();
    for (const policy of this.policies.filter(p => p.entityRef === entityRef)) {
      for (const level of policy.levels) {
        for (const target of level.targets) {
          if ('schedule' in target) names.add(target.schedule);
        }
      }
    }
    const now = this.now();
    return [...names].flatMap(name => {
      const schedule = this.schedules.get(name);
      if (!schedule) return [];
      const current = onCallAt(schedule, now);
      const next = nextOnCall(schedule, now);
      return [
        {
          schedule: name,
          timeZone: schedule.timeZone,
          current: { user: current.user, until: current.until.toISOString() },
          next: next
            ? { user: next.user, from: next.from.toISOString() }
            : null,
        },
      ];
    });
  }

  private async view(records: EscalationRecord[]): Promise<Escalation[]> {
    const attempts = await this.options.store.attemptsOf(
      records.map(r => r.id),
    );
    return records.map(r => ({
      id: r.id,
      alertId: r.alertId,
      alertName: r.alertName,
      entityRef: r.entityRef,
      policy: r.policy,
      urgency: r.urgency,
      state: r.state,
      level: r.level,
      round: r.round,
      nextStepAt:
        r.state === 'active' ? r.nextStepAt?.toISOString() ?? null : null,
      startedAt: r.startedAt.toISOString(),
      endedAt: r.endedAt?.toISOString() ?? null,
      endedBy: r.endedBy,
      attempts: attempts
        .filter(a => a.escalationId === r.id)
        .map(({ providerCallId: _c, provider: _p, ...a }) => a),
    }));
  }

  private resolve(target: EscalationTarget, at: Date): string | undefined {
    if ('user' in target) return target.user;
    const schedule = this.schedules.get(target.schedule);
    if (!schedule) return undefined;
    return target.position === 'next'
      ? nextOnCall(schedule, at)?.user
      : onCallAt(schedule, at).user;
  }

  private async endForAlert(alert: Alert): Promise<void> {
    const escalation = await this.options.store.byAlert(alert.id);
    if (!escalation || escalation.state !== 'active') return;
    if (alert.state === 'Acknowledged') {
      const byPhone = this.acknowledging.get(alert.id);
      await this.end(
        escalation,
        'acknowledged',
        byPhone ?? null,
        byPhone
          ? `acknowledged by phone by ${byPhone}`
          : `${alert.name} was acknowledged`,
      );
    } else {
      await this.end(
        escalation,
        'resolved',
        null,
        `${alert.name} was ${alert.state === 'Closed' ? 'closed' : 'resolved'}`,
      );
    }
  }

  private async end(
    escalation: EscalationRecord,
    state: Exclude<EscalationRecord['state'], 'active'>,
    endedBy: string | null,
    summary: string,
  ): Promise<EscalationRecord | undefined> {
    const at = this.now();
    const audit = this.entry(
      escalation.entityRef,
      `escalation.${state}`,
      escalation.alertId,
      at,
      {
        summary: `${escalation.alertName}: escalation ${state} (${summary})`,
        escalationId: escalation.id,
      },
      endedBy ?? ENGINE_ACTOR,
    );
    const ended = await this.options.store.finish(
      escalation.id,
      { state, endedBy, at },
      audit,
    );
    if (ended) {
      this.options.mirror.record(audit);
      await this.announce(ended);
    }
    return ended;
  }

  private entry(
    entityRef: string,
    action: string,
    target: string,
    at: Date,
    details: Record<string, unknown>,
    actor = ENGINE_ACTOR,
  ): AuditEntry {
    return { entityRef, actor, action, target, at, details };
  }

  private context(escalation: EscalationRecord): AttemptContext {
    return {
      alertId: escalation.alertId,
      alertName: escalation.alertName,
      entityRef: escalation.entityRef,
    };
  }

  private async addAttempt(
    attempt: NewAttempt,
    context: AttemptContext,
  ): Promise<StoredAttempt | undefined> {
    const stored = await this.options.store.addAttempt(attempt, context);
    if (stored) this.options.mirror.record(attemptAuditEntry(stored, context));
    return stored;
  }

  private async updateAttempt(
    id: string,
    change: Parameters<EscalationStore['updateAttempt']>[1],
    context: AttemptContext,
  ): Promise<StoredAttempt | undefined> {
    const stored = await this.options.store.updateAttempt(id, change, context);
    if (stored) this.options.mirror.record(attemptAuditEntry(stored, context));
    return stored;
  }

  private async announce(escalation: EscalationRecord): Promise<void> {
    await this.options.publisher
      .escalationChanged(escalation.entityRef, escalation.id)
      .catch(error => this.options.onError?.(error));
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }
}

/** An alert that still calls for paging: nobody acknowledged or closed it, and it has not resolved. */
function stillPaging(alert: Alert): boolean {
  return alert.state === 'New' && alert.monitorCondition !== 'Resolved';
}
