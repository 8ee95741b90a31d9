import { systemTimeline, type TimelineSource } from './timeline';

const source: TimelineSource = {
  async alertHistory() {
    return [
      {
        alertId: 'a1',
        alertName: 'alert-high-cpu',
        type: 'acknowledged',
        actor: 'user:default/alex.sre',
        at: '2026-11-30T10:05:00.000Z',
      },
      {
        alertId: 'a1',
        alertName: 'alert-high-cpu',
        type: 'fired',
        actor: 'azure-monitor',
        at: '2026-11-30T10:00:00.000Z',
      },
    ];
  },
  async auditTrail() {
    return [
      {
        action: 'run.failed',
        actor: 'automation',
        target: 'run-1',
        at: '2026-11-30T10:03:00.000Z',
        details: { runbook: 'Scale', error: 'scale asp: Azure answered 409' },
      },
      {
        // The same acknowledgement as in the alert history: shown once.
        action: 'alert.acknowledge',
        actor: 'user:default/alex.sre',
        target: 'a1',
        at: '2026-11-30T10:05:00.000Z',
        details: null,
      },
      {
        action: 'maintenance.start',
        actor: 'user:default/alex.sre',
        target: 'sre-cc-maintenance-1',
        at: '2026-11-30T10:01:00.000Z',
        details: { reason: 'database upgrade' },
      },
      {
        action: 'run.outcome',
        actor: 'automation',
        target: 'run-2',
        at: '2026-11-30T10:04:00.000Z',
        details: {
          runbook: 'Restart',
          outcome: 'resolved 4 min after the action',
        },
      },
    ];
  },
};

describe('systemTimeline', () => {
  it('merges alert history and the audit trail, newest first, without doubles', async () => {
    const entries = await systemTimeline(source, 'system:default/x', 10);
    expect(entries.map(e => [e.kind, e.summary])).toEqual([
      ['alert', 'alert-high-cpu acknowledged'],
      ['run', 'Restart outcome: resolved 4 min after the action'],
      ['run', 'Scale failed: scale asp: Azure answered 409'],
      ['maintenance', 'database upgrade'],
      ['alert', 'alert-high-cpu fired'],
    ]);
  });

  it('keeps only the newest entries', async () => {
    const entries = await systemTimeline(source, 'system:default/x', 2);
    expect(entries.map(e => e.at)).toEqual([
      '2026-11-30T10:05:00.000Z',
      '2026-11-30T10:04:00.000Z',
    ]);
  });
});
