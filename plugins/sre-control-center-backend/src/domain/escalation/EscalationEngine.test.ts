import type { Alert } from '@sre-control-center/plugin-sre-control-center-common';
import { sampleAlert, SYSTEM } from '../__testUtils__/fakes';
import {
  FakeAlertBook,
  FakeEscalationStore,
  FakePhone,
} from '../__testUtils__/escalationFakes';
import { EscalationEngine } from './EscalationEngine';
import type { EscalationPolicy, OnCallSchedule } from './types';

const GUEST = 'user:default/guest';
const ALEX = 'user:default/alex.sre';

/** The local default of issue 14: notification at once, a call after 1 min, the next person after 3 more. */
const policy: EscalationPolicy = {
  name: 'mindful-moments',
  entityRef: SYSTEM,
  high: ['Sev0', 'Sev1'],
  low: ['Sev2'],
  repeat: 0,
  repeatAfterMinutes: 5,
  quietHours: { from: '22:00', to: '07:00', timeZone: 'Europe/Berlin' },
  levels: [
    {
      afterMinutes: 0,
      targets: [{ schedule: 'primary', position: 'current' }],
      channels: ['notification'],
    },
    {
      afterMinutes: 1,
      targets: [{ schedule: 'primary', position: 'current' }],
      channels: ['phone'],
    },
    {
      afterMinutes: 3,
      targets: [{ schedule: 'primary', position: 'next' }],
      channels: ['notification', 'phone'],
    },
  ],
};

const schedule: OnCallSchedule = {
  name: 'primary',
  timeZone: 'Europe/Berlin',
  users: [GUEST, ALEX],
  start: '2026-11-30',
  handoffTime: '09:00',
  lengthDays: 7,
  overrides: [],
};

function setup(
  options: {
    policy?: EscalationPolicy;
    maintenance?: boolean;
    /** Replaces the maintenance check (one that hangs, one that counts). */
    activeWindow?: (entityRef: string) => Promise<{ name: string } | undefined>;
    maintenanceTimeoutMs?: number;
    store?: FakeEscalationStore;
    book?: FakeAlertBook;
    at?: string;
    holder?: string;
  } = {},
) {
  const clock = { now: new Date(options.at ?? '2026-12-01T12:00:00Z') };
  const store = options.store ?? new FakeEscalationStore();
  const book = options.book ?? new FakeAlertBook();
  const phone = new FakePhone();
  const notified: Array<{ user: string; level: number }> = [];
  const acknowledged: Array<{ alertId: string; actor: string }> = [];
  const phones: Record<string, string> = {
    [GUEST]: '+4915100000001',
    [ALEX]: '+4915100000002',
  };
  const errors: unknown[] = [];
  const engine: EscalationEngine = new EscalationEngine({
    policies: [options.policy ?? policy],
    schedules: [schedule],
    store,
    alerts: book,
    notifier: {
      notify: async p => void notified.push({ user: p.user, level: p.level }),
    },
    phone,
    people: { phoneOf: async user => phones[user] },
    maintenance: {
      activeWindow:
        options.activeWindow ??
        (async () =>
          options.maintenance ? { name: 'sre-cc-maintenance-1' } : undefined),
    },
    maintenanceTimeoutMs: options.maintenanceTimeoutMs,
    acknowledger: {
      acknowledge: async (alertId, actor) => {
        acknowledged.push({ alertId, actor });
        const alert = book.alerts.get(alertId)!;
        const changed: Alert = { ...alert, state: 'Acknowledged' };
        book.alerts.set(alertId, changed);
        // As AlertCommands does: the listener hears of the change.
        await engine.alertsChanged([changed]);
      },
    },
    publisher: { escalationChanged: async () => undefined },
    mirror: { record: () => undefined },
    holder: options.holder ?? 'replica-a',
    ackKey: '1',
    now: () => clock.now,
    onError: error => errors.push(error),
  });
  const fire = async (overrides: Partial<Alert> = {}) => {
    const alert = sampleAlert({
      severity: 'Sev1',
      firedAt: clock.now.toISOString(),
      ...overrides,
    });
    book.alerts.set(alert.id, alert);
    await engine.alertsChanged([alert]);
    await engine.settled();
    return alert;
  };
  const pass = async (minutes: number) => {
    clock.now = new Date(clock.now.getTime() + minutes * 60_000);
    await engine.sweep();
  };
  return {
    engine,
    store,
    book,
    phone,
    notified,
    acknowledged,
    clock,
    fire,
    pass,
    errors,
  };
}

describe('EscalationEngine', () => {
  it('never makes the alert pipeline wait for the maintenance check, and pages when it does not answer', async () => {
    const t = setup({
      activeWindow: () => new Promise(() => {}), // Azure does not answer
      maintenanceTimeoutMs: 50,
    });
    const alert = sampleAlert({ severity: 'Sev1' });
    t.book.alerts.set(alert.id, alert);
    const outcome = await Promise.race([
      t.engine.alertsChanged([alert]).then(() => 'returned'),
      new Promise(resolve => setTimeout(() => resolve('blocked'), 1_000)),
    ]);
    expect(outcome).toBe('returned');
    await t.engine.settled();
    expect(t.notified).toEqual([{ user: GUEST, level: 0 }]);
    expect(String(t.errors[0])).toMatch(/longer than 50 ms; paging anyway/);
  });

  it('asks about maintenance once per System for a storm of firings', async () => {
    let asked = 0;
    const t = setup({
      activeWindow: async () => {
        asked += 1;
        return undefined;
      },
    });
    const storm = Array.from({ length: 50 }, (_, i) =>
      sampleAlert({ id: `alertmanager:storm-${i}`, severity: 'Sev0' }),
    );
    for (const alert of storm) t.book.alerts.set(alert.id, alert);
    await t.engine.alertsChanged(storm.slice(0, 25));
    await t.engine.alertsChanged(storm.slice(25));
    await t.engine.settled();
    expect(t.store.escalations.size).toBe(50);
    expect(asked).toBe(1);
  });

  it('pages nobody for a firing acknowledged right after it was heard of', async () => {
    const t = setup();
    const alert = sampleAlert({ severity: 'Sev1' });
    t.book.alerts.set(alert.id, alert);
    await t.engine.alertsChanged([alert]);
    const acked: Alert = { ...alert, state: 'Acknowledged' };
    t.book.alerts.set(alert.id, acked);
    await t.engine.alertsChanged([acked]);
    await t.engine.settled();
    // Started in the background or not: its first step reads the alert.
    expect(
      [...t.store.escalations.values()].filter(e => e.state === 'active'),
    ).toEqual([]);
    expect(t.notified).toEqual([]);
  });

  it('starts, at the next sweep, the escalations of recent firings it never heard of', async () => {
    const t = setup();
    const missed = sampleAlert({
      id: 'alertmanager:missed',
      severity: 'Sev1',
      firedAt: new Date(t.clock.now.getTime() - 2 * 60_000).toISOString(),
    });
    const old = sampleAlert({
      id: 'alertmanager:old',
      severity: 'Sev1',
      firedAt: new Date(t.clock.now.getTime() - 20 * 60_000).toISOString(),
    });
    t.book.alerts.set(missed.id, missed);
    t.book.alerts.set(old.id, old);
    await t.engine.sweep();
    expect([...t.store.escalations.values()].map(e => e.alertId)).toEqual([
      missed.id,
    ]);
    expect(t.notified).toEqual([{ user: GUEST, level: 0 }]);
    await t.engine.sweep();
    expect(t.store.escalations.size).toBe(1);
  });

  it('notifies the on-call at once, calls after 1 minute, then the next person after 3 more, then gives up', async () => {
    const t = setup();
    await t.fire();
    expect(t.notified).toEqual([{ user: GUEST, level: 0 }]);
    expect(t.phone.calls).toEqual([]);

    await t.pass(0.5);
    expect(t.phone.calls).toEqual([]);
    await t.pass(0.5);
    expect(t.phone.calls.map(c => c.to)).toEqual(['+4915100000001']);
    expect(t.phone.calls[0].prompt).toContain(
      'Sev1 alert alert-high-response-time on app-mindful-moments-dev',
    );
    expect(t.phone.calls[0].prompt).toContain('Press 1 to acknowledge');

    // Still ringing and unanswered: level 3 waits its 3 minutes.
    await t.pass(2.9);
    expect(t.phone.calls).toHaveLength(1);
    await t.pass(0.1);
    expect(t.notified).toEqual([
      { user: GUEST, level: 0 },
      { user: ALEX, level: 2 },
    ]);
    expect(t.phone.calls.map(c => c.to)).toEqual([
      '+4915100000001',
      '+4915100000002',
    ]);

    await t.pass(5);
    const [escalation] = await t.engine.list(SYSTEM, undefined, 10);
    expect(escalation.state).toBe('exhausted');
    expect(
      escalation.attempts.map(a => [a.level, a.channel, a.target, a.outcome]),
    ).toEqual([
      [0, 'notification', GUEST, 'notified'],
      [1, 'phone', GUEST, 'ringing'],
      [2, 'notification', ALEX, 'notified'],
      [2, 'phone', ALEX, 'ringing'],
    ]);
    expect(t.errors).toEqual([]);
  });

  it('pressing the key acknowledges the alert as the person called and stops the escalation', async () => {
    const t = setup();
    const alert = await t.fire();
    await t.pass(1);
    const attempt = [...t.store.attempts.values()].find(
      a => a.channel === 'phone',
    )!;
    await t.engine.callEvent(attempt.id, { kind: 'answered' });
    const result = await t.engine.callEvent(attempt.id, {
      kind: 'pressed',
      key: '1',
    });
    expect(result).toEqual({ handled: true, acknowledged: true });
    expect(t.acknowledged).toEqual([{ alertId: alert.id, actor: GUEST }]);
    const [escalation] = await t.engine.list(SYSTEM, undefined, 10);
    expect(escalation).toMatchObject({ state: 'acknowledged', endedBy: GUEST });
    expect(escalation.attempts[1]).toMatchObject({
      outcome: 'acknowledged',
      detail: 'pressed 1',
    });

    // Nothing more pages, and a late retry of the callback changes nothing.
    await t.pass(10);
    expect(t.phone.calls).toHaveLength(1);
    expect(
      await t.engine.callEvent(attempt.id, { kind: 'pressed', key: '1' }),
    ).toEqual({ handled: false, acknowledged: false });
    expect(t.acknowledged).toHaveLength(1);
  });

  it.each([
    [{ kind: 'no_answer' as const }, 'no_answer'],
    [{ kind: 'busy' as const }, 'busy'],
    [{ kind: 'pressed' as const, key: '4' }, 'wrong_key'],
    [{ kind: 'ended' as const }, 'no_answer'],
  ])('%p moves on to the next level at once', async (event, outcome) => {
    const t = setup();
    await t.fire();
    await t.pass(1);
    const attempt = [...t.store.attempts.values()].find(
      a => a.channel === 'phone',
    )!;
    if (event.kind === 'pressed' || event.kind === 'ended')
      await t.engine.callEvent(attempt.id, { kind: 'answered' });
    await t.engine.callEvent(attempt.id, event);
    expect(t.store.attempts.get(attempt.id)!.outcome).toBe(outcome);
    // The next level is due now; the engine sweeps in the background, the sweep here finds it done or does it.
    await t.engine.settled();
    expect(t.errors).toEqual([]);
    expect(t.phone.calls.map(c => c.to)).toEqual([
      '+4915100000001',
      '+4915100000002',
    ]);
    expect(t.acknowledged).toEqual([]);
  });

  it('stops when the alert is acknowledged elsewhere or resolves', async () => {
    const t = setup();
    const a = await t.fire();
    await t.engine.alertsChanged([{ ...a, state: 'Acknowledged' }]);
    await t.engine.settled();
    t.book.alerts.set(a.id, { ...a, state: 'Acknowledged' });
    const b = await t.fire({ id: `${a.id.slice(0, -1)}2` });
    await t.engine.alertsChanged([{ ...b, monitorCondition: 'Resolved' }]);
    await t.pass(10);
    expect(t.phone.calls).toEqual([]);
    const states = (await t.engine.list(SYSTEM, undefined, 10)).map(e => [
      e.alertId,
      e.state,
    ]);
    expect(states).toEqual(
      expect.arrayContaining([
        [a.id, 'acknowledged'],
        [b.id, 'resolved'],
      ]),
    );
  });

  it('stops at the next step when the acknowledgement was missed (changed on another replica)', async () => {
    const t = setup();
    const a = await t.fire();
    t.book.alerts.set(a.id, { ...a, state: 'Closed' });
    await t.pass(1);
    expect(t.phone.calls).toEqual([]);
    expect((await t.engine.list(SYSTEM, undefined, 1))[0].state).toBe(
      'resolved',
    );
  });

  it('a person stops it; stopping twice is a conflict', async () => {
    const t = setup();
    await t.fire();
    const [e] = await t.engine.list(SYSTEM, 'active', 1);
    const stopped = await t.engine.stop(e.id, 'user:default/sam.dev', 'on it');
    expect(stopped).toMatchObject({
      state: 'stopped',
      endedBy: 'user:default/sam.dev',
    });
    await expect(
      t.engine.stop(e.id, 'user:default/sam.dev'),
    ).rejects.toMatchObject({ name: 'ConflictError' });
    await expect(
      t.engine.stop('00000000-0000-4000-8000-000000000000', 'x'),
    ).rejects.toMatchObject({ name: 'NotFoundError' });
    await t.pass(10);
    expect(t.phone.calls).toEqual([]);
  });

  it('pages nobody during a maintenance window', async () => {
    const t = setup({ maintenance: true });
    await t.fire();
    await t.pass(10);
    expect(t.notified).toEqual([]);
    expect(t.phone.calls).toEqual([]);
    expect((await t.engine.list(SYSTEM, undefined, 1))[0].state).toBe(
      'suppressed',
    );
  });

  it('ignores severities the policy does not page and Systems without a policy', async () => {
    const t = setup();
    await t.fire({ severity: 'Sev3' });
    await t.fire({ id: 'alertmanager:x', entityRef: 'system:default/other' });
    expect(t.store.escalations.size).toBe(0);
  });

  it('starts exactly once per alert, however many replicas hear of it', async () => {
    const store = new FakeEscalationStore();
    const book = new FakeAlertBook();
    const a = setup({ store, book, holder: 'a' });
    const b = setup({ store, book, holder: 'b' });
    const alert = sampleAlert({ severity: 'Sev0' });
    book.alerts.set(alert.id, alert);
    await Promise.all([
      a.engine.alertsChanged([alert]),
      b.engine.alertsChanged([alert]),
      a.engine.alertsChanged([alert]),
    ]);
    await Promise.all([a.engine.settled(), b.engine.settled()]);
    expect(store.escalations.size).toBe(1);
    expect([...a.errors, ...b.errors]).toEqual([]);
    expect([...store.escalations.values()][0].state).toBe('active');
    expect([...a.notified, ...b.notified]).toEqual([{ user: GUEST, level: 0 }]);
  });

  it('continues at the right level after a restart (a new engine on the same store)', async () => {
    const store = new FakeEscalationStore();
    const book = new FakeAlertBook();
    const before = setup({ store, book, holder: 'old' });
    await before.fire();
    await before.pass(1);
    expect(before.phone.calls).toHaveLength(1);
    const after = setup({
      store,
      book,
      holder: 'new',
      at: new Date(before.clock.now.getTime() + 3 * 60_000).toISOString(),
    });
    await after.engine.sweep();
    expect(after.notified).toEqual([{ user: ALEX, level: 2 }]);
    expect(after.phone.calls.map(c => c.to)).toEqual(['+4915100000002']);
  });

  it('repeats every level the configured number of times', async () => {
    const t = setup({
      policy: { ...policy, repeat: 1, levels: [policy.levels[1]] },
    });
    await t.fire();
    await t.pass(1);
    await t.pass(5);
    expect(t.phone.calls.map(c => c.to)).toEqual([
      '+4915100000001',
      '+4915100000001',
    ]);
    await t.pass(5);
    expect((await t.engine.list(SYSTEM, undefined, 1))[0]).toMatchObject({
      state: 'exhausted',
      round: 1,
    });
  });

  it('holds low urgency in quiet hours until they end; high urgency pages at night', async () => {
    // 23:00 in Berlin.
    const t = setup({ at: '2026-12-01T22:00:00Z' });
    await t.fire({ severity: 'Sev2' });
    await t.pass(60);
    expect(t.notified).toEqual([]);
    const [held] = await t.engine.list(SYSTEM, undefined, 1);
    expect(held.nextStepAt).toBe('2026-12-02T06:00:00.000Z');
    await t.fire({ id: 'alertmanager:night', severity: 'Sev0' });
    expect(t.notified).toEqual([{ user: GUEST, level: 0 }]);
  });

  it('a person without a phone number or a failing call does not hold the escalation up', async () => {
    const t = setup();
    t.phone.fail = new Error('503 from the provider');
    await t.fire();
    await t.pass(1);
    // Level 2 failed at once: level 3 ran in the same sweep.
    const attempts = [...t.store.attempts.values()];
    expect(attempts.map(a => [a.level, a.channel, a.outcome])).toEqual([
      [0, 'notification', 'notified'],
      [1, 'phone', 'failed'],
      [2, 'notification', 'notified'],
      [2, 'phone', 'failed'],
    ]);
    expect(attempts[1].detail).toContain('503 from the provider');
  });

  it('says who is on call now and next', () => {
    const t = setup();
    expect(t.engine.onCall(SYSTEM)).toEqual([
      {
        schedule: 'primary',
        timeZone: 'Europe/Berlin',
        current: { user: GUEST, until: '2026-12-07T08:00:00.000Z' },
        next: { user: ALEX, from: '2026-12-07T08:00:00.000Z' },
      },
    ]);
  });
});
