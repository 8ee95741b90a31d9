import type { Deployment } from '@sre-control-center/plugin-sre-control-center-common';
import { deployedBefore } from './deployedBefore';

const deployment = (
  deployedAt: string,
  status: Deployment['status'] = 'success',
  version = '1',
): Deployment => ({
  id: deployedAt,
  entityRef: 'system:default/mindful-moments',
  version,
  commit: 'a'.repeat(40),
  environment: 'dev',
  status,
  actor: 'maya',
  url: null,
  runId: '1',
  deployedAt,
  updatedAt: deployedAt,
});

describe('deployedBefore', () => {
  const firedAt = '2026-12-01T10:30:00.000Z';

  it('names the last successful deployment before the alert', () => {
    const result = deployedBefore(firedAt, [
      deployment('2026-12-01T09:00:00.000Z', 'success', 'old'),
      deployment('2026-12-01T10:18:00.000Z', 'success', 'new'),
      deployment('2026-12-01T10:25:00.000Z', 'failure', 'broken'),
      deployment('2026-12-01T10:31:00.000Z', 'success', 'after'),
    ]);
    expect(result?.deployment.version).toBe('new');
    expect(result?.minutes).toBe(12);
    expect(result?.text).toBe('deployed 12 min before this alert fired');
  });

  it('says hours for older deployments and nothing outside the window', () => {
    expect(
      deployedBefore(firedAt, [deployment('2026-12-01T07:15:00.000Z')])?.text,
    ).toBe('deployed 3 h 15 min before this alert fired');
    expect(
      deployedBefore(firedAt, [deployment('2026-12-01T10:29:40.000Z')])?.text,
    ).toBe('deployed less than a minute before this alert fired');
    expect(
      deployedBefore(firedAt, [deployment('2026-11-29T10:00:00.000Z')]),
    ).toBeUndefined();
    expect(deployedBefore(firedAt, [])).toBeUndefined();
    expect(
      deployedBefore('not a date', [deployment('2026-12-01T10:00:00.000Z')]),
    ).toBeUndefined();
  });
});
