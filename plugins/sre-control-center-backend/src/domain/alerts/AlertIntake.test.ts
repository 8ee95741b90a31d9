import type { ClaimedDelivery } from '../inbox/ports';
import {
  azureAlertId,
  FakeProjects,
  InMemoryAlerts,
  RecordingListener,
  SITE,
  SYSTEM,
} from '../__testUtils__/fakes';
import { AlertIntake, type DeliveryDecoder } from './AlertIntake';
import { AlertRouter } from './AlertRouter';
import type { AlertNotification } from './types';

const NOW = new Date('2026-11-28T10:05:00Z');

function notification(
  n: number,
  overrides: Partial<AlertNotification> = {},
): AlertNotification {
  return {
    alertId: azureAlertId(n),
    rule: 'alert-high-cpu',
    severity: 'Sev2',
    monitorCondition: 'Fired',
    targetResourceIds: [SITE],
    description: null,
    firedAt: new Date('2026-11-28T10:00:00Z'),
    resolvedAt: null,
    ...overrides,
  };
}

/** The decoder reads bodies that are JSON arrays of notifications (dates as strings). */
const decode: DeliveryDecoder = (_kind, body) => {
  if (body === 'unreadable')
    return { ok: false, error: 'body: not valid JSON' };
  const list = JSON.parse(body) as AlertNotification[];
  return {
    ok: true,
    notifications: list.map(n => ({
      ...n,
      firedAt: new Date(n.firedAt),
      resolvedAt: n.resolvedAt ? new Date(n.resolvedAt) : null,
    })),
  };
};

function delivery(
  id: string,
  body: AlertNotification[] | string,
  entityRef: string | null = null,
): ClaimedDelivery {
  return {
    id,
    source: 'azure-monitor',
    kind: 'common-alert',
    body: typeof body === 'string' ? body : JSON.stringify(body),
    receivedAt: NOW,
    entityRef,
    attempts: 1,
  };
}

function setup(projects = new FakeProjects()) {
  const store = new InMemoryAlerts();
  const listener = new RecordingListener();
  const intake = new AlertIntake({
    alerts: store,
    ledger: store,
    router: new AlertRouter(projects),
    decode,
    budgets: { budgetCrossed: async () => undefined },
    listener,
    now: () => NOW,
  });
  return { intake, store, listener };
}

describe('AlertIntake', () => {
  it('folds a batch in delivery order, one write per alert, and tells the listener once', async () => {
    const { intake, store, listener } = setup();
    const verdicts = await intake.handle([
      delivery('1', [notification(1)]),
      delivery('2', [notification(2)]),
      delivery('3', [
        notification(1, {
          monitorCondition: 'Resolved',
          resolvedAt: new Date('2026-11-28T10:04:00Z'),
        }),
      ]),
    ]);
    expect(verdicts.every(v => v.ok)).toBe(true);
    expect(store.alerts.get(azureAlertId(1))).toMatchObject({
      entityRef: SYSTEM,
      routing: 'resource-group',
      monitorCondition: 'Resolved',
    });
    expect(store.events.map(e => e.type)).toEqual([
      'fired',
      'resolved',
      'fired',
    ]);
    expect(listener.batches).toHaveLength(1);
    expect(listener.batches[0]).toHaveLength(2);
  });

  it('keeps an alert no System claims, unrouted', async () => {
    const { intake, store } = setup();
    const elsewhere =
      '/subscriptions/3f2b8c1e-7d4a-4e5b-9c6f-1a2b3c4d5e6f/resourcegroups/rg-other/providers/microsoft.web/sites/x';
    await intake.handle([
      delivery('1', [notification(1, { targetResourceIds: [elsewhere] })]),
      delivery('2', [notification(2, { targetResourceIds: [] })]),
    ]);
    expect(
      [...store.alerts.values()].map(a => [a.entityRef, a.routing]),
    ).toEqual([
      [null, null],
      [null, null],
    ]);
  });

  it('routes by label or webhook URL only to Systems the catalog has, and says how it was routed', async () => {
    const projects = new FakeProjects(undefined, ['system:default/named']);
    const { intake, store } = setup(projects);
    await intake.handle([
      delivery('1', [
        notification(1, {
          targetResourceIds: [],
          entityRef: 'system:default/named',
        }),
      ]),
      delivery(
        '2',
        [notification(2, { targetResourceIds: [] })],
        'system:default/named',
      ),
      delivery(
        '3',
        [notification(3, { targetResourceIds: [] })],
        'system:default/gone',
      ),
      // Named after the System that owns its resource group: its own stack.
      delivery('4', [notification(4, { entityRef: SYSTEM })]),
    ]);
    const routing = (n: number) => {
      const a = store.alerts.get(azureAlertId(n))!;
      return [a.entityRef, a.routing];
    };
    expect(routing(1)).toEqual(['system:default/named', 'label']);
    expect(routing(2)).toEqual(['system:default/named', 'webhook-url']);
    expect(routing(3)).toEqual([null, null]);
    expect(routing(4)).toEqual([SYSTEM, 'resource-group']);
  });

  it('gives an unreadable delivery its error, and applies the rest of the batch', async () => {
    const { intake, store } = setup();
    const verdicts = await intake.handle([
      delivery('1', 'unreadable'),
      delivery('2', [notification(2)]),
    ]);
    expect(verdicts).toEqual([
      { id: '1', ok: false, error: 'body: not valid JSON' },
      { id: '2', ok: true },
    ]);
    expect(store.alerts.has(azureAlertId(2))).toBe(true);
  });

  it('keeps an acknowledge that lands between its read and its write', async () => {
    const { intake, store } = setup();
    await intake.handle([delivery('1', [notification(1)])]);
    store.beforeCommit = () => {
      const alert = store.alerts.get(azureAlertId(1))!;
      store.alerts.set(alert.id, { ...alert, state: 'Acknowledged' });
    };
    await intake.handle([
      delivery('2', [
        notification(1, {
          monitorCondition: 'Resolved',
          resolvedAt: new Date('2026-11-28T10:04:00Z'),
        }),
      ]),
    ]);
    expect(store.alerts.get(azureAlertId(1))).toMatchObject({
      state: 'Acknowledged',
      monitorCondition: 'Resolved',
    });
    expect(store.events.filter(e => e.type === 'resolved')).toHaveLength(1);
  });
});
