import type { CostSummary } from '@sre-control-center/plugin-sre-control-center-common';
import type { RunRecord } from '../../domain/runbooks';
import { ProjectNotifications } from './ProjectNotifications';

const SYSTEM = 'system:default/mindful-moments';
const OWNERS = 'group:default/mindful-moments-team';

function setup(summary?: CostSummary) {
  const sent: Array<{
    recipients: { entityRef: string[] };
    payload: { title: string; topic: string; link: string };
  }> = [];
  const inner: string[] = [];
  const errors: unknown[] = [];
  const notifier = new ProjectNotifications({
    inner: {
      runChanged: async run => void inner.push(`run ${run.status}`),
      costsChanged: async ref => void inner.push(`costs ${ref}`),
    },
    notifications: { send: async n => void sent.push(n as never) },
    people: { ownerOf: async () => OWNERS },
    costs: { get: async () => summary, save: async () => undefined },
    approvers: ['group:default/sre-owners'],
    onError: error => errors.push(error),
  });
  return { notifier, sent, inner, errors };
}

const run = (status: RunRecord['status']) =>
  ({
    id: 'run-1',
    entityRef: SYSTEM,
    runbookName: 'Scale App Service plan B1 to B2',
    status,
    requestedBy: 'user:default/sam.dev',
    triggerAlert: { id: 'a', name: 'alert-high-cpu' },
  } as unknown as RunRecord);

function costs(percentUsed: number, forecastPercent: number): CostSummary {
  return {
    entityRef: SYSTEM,
    currency: 'EUR',
    period: { from: '2026-12-01', to: '2026-12-31' },
    monthToDate: percentUsed * 1.2,
    forecast: forecastPercent * 1.2,
    budget: {
      name: 'budget-mindful-moments-dev',
      amount: 120,
      percentUsed,
      forecastPercent,
      thresholds: [],
    },
    byService: [],
    byResource: [],
    daily: [],
    refreshedAt: '2026-12-01T12:00:00Z',
    lastError: null,
  };
}

describe('ProjectNotifications', () => {
  it('a run waiting for approval goes to the owners and the approvers, once; a failed run to its requester and the owners', async () => {
    const t = setup();
    await t.notifier.runChanged(run('pending_approval'));
    await t.notifier.runChanged(run('pending_approval'));
    await t.notifier.runChanged(run('approved'));
    await t.notifier.runChanged(run('failed'));
    expect(t.inner).toEqual([
      'run pending_approval',
      'run pending_approval',
      'run approved',
      'run failed',
    ]);
    expect(t.sent.map(n => [n.payload.topic, n.recipients.entityRef])).toEqual([
      ['runbook-approval', [OWNERS, 'group:default/sre-owners']],
      ['runbook-failed', ['user:default/sam.dev', OWNERS]],
    ]);
    expect(t.sent[0].payload.link).toBe(
      '/catalog/default/system/mindful-moments/control-center',
    );
  });

  it.each([
    [70, 79, []],
    [70, 85, ['Budget budget-mindful-moments-dev at 80 % (forecast)']],
    [101, 120, ['Budget budget-mindful-moments-dev at 100 % (actual)']],
  ])('budget at %p %% used, %p %% forecast', async (used, forecast, titles) => {
    const t = setup(costs(used, forecast));
    await t.notifier.costsChanged(SYSTEM);
    await t.notifier.costsChanged(SYSTEM);
    expect(t.sent.map(n => n.payload.title)).toEqual(titles);
    expect(t.sent.every(n => n.payload.topic === 'budget')).toBe(true);
    expect(t.errors).toEqual([]);
  });
});
