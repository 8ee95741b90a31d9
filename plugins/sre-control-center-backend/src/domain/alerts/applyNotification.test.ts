import { applyNotification } from './applyNotification';
import type { AlertNotification } from './types';

const SYSTEM = {
  entityRef: 'system:default/mindful-moments',
  routing: 'resource-group',
} as const;
const UNROUTED = { entityRef: null, routing: null } as const;
const now = new Date('2026-11-28T12:00:00Z');

const fired: AlertNotification = {
  alertId: '/subscriptions/s/providers/microsoft.alertsmanagement/alerts/a1',
  rule: 'alert-high-response-time',
  severity: 'Sev2',
  monitorCondition: 'Fired',
  targetResourceIds: [
    '/subscriptions/s/resourcegroups/rg/providers/microsoft.web/sites/app',
  ],
  description: 'Average response time above 2 s',
  firedAt: new Date('2026-11-28T11:58:00Z'),
  resolvedAt: null,
};
const resolved: AlertNotification = {
  ...fired,
  monitorCondition: 'Resolved',
  resolvedAt: new Date('2026-11-28T11:59:30Z'),
};

describe('applyNotification', () => {
  it('creates a New alert from its first Fired notification', () => {
    const outcome = applyNotification(undefined, fired, SYSTEM, now);
    expect(outcome.changed).toBe(true);
    expect(outcome.alert).toMatchObject({
      id: fired.alertId,
      entityRef: SYSTEM.entityRef,
      routing: 'resource-group',
      name: 'alert-high-response-time',
      state: 'New',
      monitorCondition: 'Fired',
      firedAt: '2026-11-28T11:58:00.000Z',
      resolvedAt: null,
    });
    expect(outcome.events.map(e => e.type)).toEqual(['fired']);
  });

  it('resolves a fired alert and keeps its user state', () => {
    const first = applyNotification(undefined, fired, SYSTEM, now).alert;
    const acknowledged = { ...first, state: 'Acknowledged' as const };
    const outcome = applyNotification(acknowledged, resolved, SYSTEM, now);
    expect(outcome.alert.monitorCondition).toBe('Resolved');
    expect(outcome.alert.state).toBe('Acknowledged');
    expect(outcome.alert.resolvedAt).toBe('2026-11-28T11:59:30.000Z');
    expect(outcome.events.map(e => e.type)).toEqual(['resolved']);
  });

  it('ignores replays and a late Fired retry after Resolved', () => {
    const first = applyNotification(undefined, fired, SYSTEM, now).alert;
    expect(applyNotification(first, fired, SYSTEM, now).changed).toBe(false);
    const done = applyNotification(first, resolved, SYSTEM, now).alert;
    const late = applyNotification(done, fired, SYSTEM, now);
    expect(late.changed).toBe(false);
    expect(late.alert.monitorCondition).toBe('Resolved');
  });

  it('records both events when the first notification is already Resolved', () => {
    const outcome = applyNotification(undefined, resolved, SYSTEM, now);
    expect(outcome.alert.monitorCondition).toBe('Resolved');
    expect(outcome.events.map(e => e.type)).toEqual(['fired', 'resolved']);
  });

  describe('condition', () => {
    const firedWithCondition: AlertNotification = {
      ...fired,
      condition: { metric: 'HttpResponseTime', threshold: 2, observed: 3.1 },
    };

    it('keeps what the rule saw, and updates it when the alert resolves', () => {
      const first = applyNotification(
        undefined,
        firedWithCondition,
        SYSTEM,
        now,
      ).alert;
      expect(first.condition).toEqual(firedWithCondition.condition);
      const done = applyNotification(
        first,
        {
          ...resolved,
          condition: { metric: 'HttpResponseTime', observed: 1.2 },
        },
        SYSTEM,
        now,
      ).alert;
      expect(done.condition).toEqual({
        metric: 'HttpResponseTime',
        observed: 1.2,
      });
      // A resolution that says nothing of the condition keeps the old one.
      const quiet = applyNotification(first, resolved, SYSTEM, now).alert;
      expect(quiet.condition).toEqual(firedWithCondition.condition);
    });

    it('fills in the condition of an alert found by reconciliation, without events', () => {
      const found = applyNotification(undefined, fired, SYSTEM, now).alert;
      expect(found).not.toHaveProperty('condition');
      const outcome = applyNotification(found, firedWithCondition, SYSTEM, now);
      expect(outcome.changed).toBe(true);
      expect(outcome.events).toEqual([]);
      expect(outcome.alert.condition).toEqual(firedWithCondition.condition);
      // And a replay after that changes nothing.
      expect(
        applyNotification(outcome.alert, firedWithCondition, SYSTEM, now)
          .changed,
      ).toBe(false);
    });
  });

  it('records who reported the alert as the actor of its events', () => {
    const outcome = applyNotification(
      undefined,
      { ...fired, source: 'alertmanager' },
      SYSTEM,
      now,
    );
    expect(outcome.events.map(e => e.actor)).toEqual(['alertmanager']);
    expect(
      applyNotification(undefined, fired, SYSTEM, now).events[0].actor,
    ).toBe('azure-monitor');
  });

  it('keeps an alert no System claims, unrouted, and routes it when a System claims it', () => {
    const unrouted = applyNotification(undefined, fired, UNROUTED, now);
    expect(unrouted.alert).toMatchObject({ entityRef: null, routing: null });
    const routed = applyNotification(unrouted.alert, resolved, SYSTEM, now);
    expect(routed.alert).toMatchObject({
      entityRef: SYSTEM.entityRef,
      routing: 'resource-group',
      monitorCondition: 'Resolved',
    });
    expect(routed.events.map(e => e.type)).toEqual(['routed', 'resolved']);
  });

  it('never moves an alert that has a System to another one', () => {
    const first = applyNotification(undefined, fired, SYSTEM, now).alert;
    const other = {
      entityRef: 'system:default/other',
      routing: 'label',
    } as const;
    const outcome = applyNotification(first, fired, other, now);
    expect(outcome.changed).toBe(false);
    expect(outcome.alert.entityRef).toBe(SYSTEM.entityRef);
  });
});
