import { NotAllowedError, ServiceUnavailableError } from '@backstage/errors';
import {
  azureAlertId,
  FakeAlertSource,
  FakeProjects,
  InMemoryAlerts,
  RecordingListener,
  RecordingMirror,
  sampleAlert,
  SUBSCRIPTION,
} from '../__testUtils__/fakes';
import { AlertCommands } from './AlertCommands';

function setup(...alerts: ReturnType<typeof sampleAlert>[]) {
  const store = new InMemoryAlerts(alerts);
  const source = new FakeAlertSource();
  const listener = new RecordingListener();
  const mirror = new RecordingMirror();
  const commands = new AlertCommands({
    alerts: store,
    ledger: store,
    source,
    projects: new FakeProjects(),
    listener,
    mirror,
    now: () => new Date('2026-11-28T10:05:00Z'),
  });
  return { commands, store, source, listener, mirror };
}

describe('AlertCommands', () => {
  it('changes an Azure alert in Azure first, through its parsed id', async () => {
    const alert = sampleAlert();
    const { commands, source, store, mirror, listener } = setup(alert);
    await commands.changeState(alert.id, 'Acknowledged', 'user:default/alex');
    expect(source.changes).toEqual([
      {
        id: {
          subscriptionId: SUBSCRIPTION,
          alertGuid: '00000000-0000-4000-8000-000000000001',
        },
        state: 'Acknowledged',
      },
    ]);
    expect(store.alerts.get(alert.id)?.state).toBe('Acknowledged');
    expect(store.audit[0].details).toEqual({ from: 'New', to: 'Acknowledged' });
    // Backstage's auditor hears of it too, and open pages.
    expect(mirror.entries).toEqual(store.audit);
    expect(listener.alerts.map(a => a.state)).toEqual(['Acknowledged']);
  });

  it('never calls Azure for an alert of another subscription than its System’s', async () => {
    const foreign = sampleAlert({
      id: azureAlertId(7, '00000000-0000-0000-0000-000000000000'),
    });
    const { commands, source, store } = setup(foreign);
    await expect(
      commands.changeState(foreign.id, 'Closed', 'user:default/alex'),
    ).rejects.toThrow(NotAllowedError);
    expect(source.changes).toEqual([]);
    expect(store.alerts.get(foreign.id)?.state).toBe('New');
  });

  it('changes nothing here when Azure refuses', async () => {
    const alert = sampleAlert();
    const { commands, source, store } = setup(alert);
    source.failWith = new Error('403 AuthorizationFailed');
    await expect(
      commands.changeState(alert.id, 'Closed', 'user:default/alex'),
    ).rejects.toThrow(ServiceUnavailableError);
    expect(store.alerts.get(alert.id)?.state).toBe('New');
    expect(store.events).toEqual([]);
  });

  it('keeps a webhook’s resolve that lands between its read and its write', async () => {
    const alert = sampleAlert();
    const { commands, store } = setup(alert);
    store.beforeCommit = () => {
      store.alerts.set(alert.id, {
        ...alert,
        monitorCondition: 'Resolved',
        resolvedAt: '2026-11-28T10:04:00.000Z',
      });
    };
    const { alert: after } = await commands.changeState(
      alert.id,
      'Acknowledged',
      'user:default/alex',
    );
    expect(after.state).toBe('Acknowledged');
    expect(store.alerts.get(alert.id)).toMatchObject({
      state: 'Acknowledged',
      monitorCondition: 'Resolved',
    });
    expect(store.events.map(e => e.type)).toEqual(['acknowledged']);
  });

  it.each(['alertmanager:a1b2c3d4e5f60718', `unrecognized:${'0'.repeat(64)}`])(
    'changes %s here only, and says so in the audit trail',
    async id => {
      const { commands, source, store } = setup(sampleAlert({ id }));
      const result = await commands.changeState(
        id,
        'Closed',
        'user:default/alex',
        'handled in Grafana',
      );
      expect(result.alert.state).toBe('Closed');
      expect(source.changes).toEqual([]);
      expect(store.audit).toEqual([
        expect.objectContaining({
          action: 'alert.close',
          target: id,
          details: {
            from: 'New',
            to: 'Closed',
            comment: 'handled in Grafana',
            localOnly: true,
          },
        }),
      ]);
    },
  );
});
