import { applyNotification } from './applyNotification';
import { applySnapshot } from './applySnapshot';
import type { AlertSnapshot } from './ports';

const SYSTEM = 'system:default/mindful-moments';
const snapshot: AlertSnapshot = {
  alertId: '/subscriptions/s/providers/microsoft.alertsmanagement/alerts/a1',
  rule: 'alert-http-5xx',
  severity: 'Sev1',
  state: 'New',
  monitorCondition: 'Fired',
  targetResourceId:
    '/subscriptions/s/resourcegroups/rg/providers/microsoft.web/sites/app',
  description: null,
  firedAt: new Date('2026-11-28T10:00:00Z'),
  resolvedAt: null,
  lastModifiedAt: new Date('2026-11-28T10:00:00Z'),
  lastModifiedBy: 'System',
};
const now = new Date('2026-11-28T10:05:00Z');

describe('applySnapshot', () => {
  it('creates an alert whose webhook never arrived, with its history', () => {
    const outcome = applySnapshot(
      undefined,
      {
        ...snapshot,
        state: 'Acknowledged',
        lastModifiedAt: new Date('2026-11-28T10:01:00Z'),
        lastModifiedBy: 'Azure SRE Agent',
      },
      SYSTEM,
      now,
    );
    expect(outcome.changed).toBe(true);
    expect(outcome.alert).toMatchObject({
      state: 'Acknowledged',
      entityRef: SYSTEM,
      name: 'alert-http-5xx',
    });
    expect(outcome.events.map(e => [e.type, e.actor])).toEqual([
      ['fired', 'azure-monitor'],
      ['acknowledged', 'Azure SRE Agent'],
    ]);
  });

  it('takes a state change made in Azure after ours', () => {
    const ours = applySnapshot(undefined, snapshot, SYSTEM, now).alert;
    const outcome = applySnapshot(
      ours,
      {
        ...snapshot,
        state: 'Acknowledged',
        lastModifiedAt: new Date('2026-11-28T10:06:00Z'),
        lastModifiedBy: 'Azure SRE Agent',
      },
      SYSTEM,
      new Date('2026-11-28T10:07:00Z'),
    );
    expect(outcome.alert.state).toBe('Acknowledged');
    expect(outcome.events.map(e => e.actor)).toEqual(['Azure SRE Agent']);
  });

  it('keeps our newer state over an older Azure view', () => {
    const ours = {
      ...applySnapshot(undefined, snapshot, SYSTEM, now).alert,
      state: 'Closed' as const,
    };
    const outcome = applySnapshot(
      ours,
      { ...snapshot, state: 'Acknowledged' },
      SYSTEM,
      now,
    );
    expect(outcome.changed).toBe(false);
    expect(outcome.alert.state).toBe('Closed');
  });

  it('resolves but never un-resolves', () => {
    const fired = applyNotification(
      undefined,
      {
        alertId: snapshot.alertId,
        rule: snapshot.rule,
        severity: snapshot.severity,
        monitorCondition: 'Fired',
        targetResourceIds: [],
        description: null,
        firedAt: snapshot.firedAt,
        resolvedAt: null,
      },
      { entityRef: SYSTEM, routing: 'webhook-url' },
      now,
    ).alert;
    const resolved = applySnapshot(
      fired,
      {
        ...snapshot,
        monitorCondition: 'Resolved',
        resolvedAt: new Date('2026-11-28T10:04:00Z'),
      },
      SYSTEM,
      now,
    );
    expect(resolved.alert.monitorCondition).toBe('Resolved');
    expect(applySnapshot(resolved.alert, snapshot, SYSTEM, now).changed).toBe(
      false,
    );
  });

  it('routes an unrouted alert that Azure lists in the System’s resource group', () => {
    const unrouted = {
      ...applySnapshot(undefined, snapshot, SYSTEM, now).alert,
      entityRef: null,
      routing: null,
    };
    const outcome = applySnapshot(unrouted, snapshot, SYSTEM, now);
    expect(outcome.alert).toMatchObject({
      entityRef: SYSTEM,
      routing: 'resource-group',
    });
    expect(outcome.events.map(e => e.type)).toEqual(['routed']);
  });
});
