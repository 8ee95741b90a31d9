import type { Alert } from '@sre-control-center/plugin-sre-control-center-common';
import { AlertCommands } from './AlertCommands';
import type { AlertSource, AuditEntry } from './ports';

const SYSTEM = 'system:default/mindful-moments';

function alert(id: string): Alert {
  return {
    id,
    entityRef: SYSTEM,
    name: 'HighErrorRate',
    severity: 'Sev1',
    state: 'New',
    monitorCondition: 'Fired',
    targetResourceId: null,
    description: null,
    firedAt: '2026-11-28T10:00:00.000Z',
    resolvedAt: null,
    updatedAt: '2026-11-28T10:00:00.000Z',
  };
}

/** In-memory ports: Azure's side records what it was asked to change. */
function setup(existing: Alert) {
  const azureCalls: Array<[string, string]> = [];
  const audits: AuditEntry[] = [];
  const source: AlertSource = {
    listAlerts: async () => [],
    changeState: async (id, state) => {
      azureCalls.push([id, state]);
    },
  };
  const commands = new AlertCommands({
    alerts: {
      list: async () => ({ items: [], next: null }),
      get: async id => (id === existing.id ? existing : undefined),
      history: async () => [],
    },
    source,
    ledger: {
      recordStateChange: async change => {
        audits.push(change.audit);
      },
    },
    publisher: { alertChanged: async () => {} },
    now: () => new Date('2026-11-28T10:05:00Z'),
  });
  return { commands, azureCalls, audits };
}

describe('AlertCommands', () => {
  it('changes an Azure alert in Azure first', async () => {
    const id =
      '/subscriptions/s/providers/microsoft.alertsmanagement/alerts/a1';
    const { commands, azureCalls, audits } = setup(alert(id));
    await commands.changeState(id, 'Acknowledged', 'user:default/alex');
    expect(azureCalls).toEqual([[id, 'Acknowledged']]);
    expect(audits[0].details).toEqual({ from: 'New', to: 'Acknowledged' });
  });

  it.each(['alertmanager:a1b2c3d4e5f60718', `unrecognized:${'0'.repeat(64)}`])(
    'changes %s here only, and says so in the audit trail',
    async id => {
      const { commands, azureCalls, audits } = setup(alert(id));
      const result = await commands.changeState(
        id,
        'Closed',
        'user:default/alex',
        'handled in Grafana',
      );
      expect(result.alert.state).toBe('Closed');
      expect(azureCalls).toEqual([]);
      expect(audits).toEqual([
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
