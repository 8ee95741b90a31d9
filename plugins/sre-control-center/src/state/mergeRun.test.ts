import type { RunbookRun } from '@sre-control-center/plugin-sre-control-center-common';
import { sampleRun } from '../__testUtils__';
import { mergeReloaded, mergeRun, type RunOnScreen } from './mergeRun';

const pushed = (run: RunbookRun): RunOnScreen => {
  const { decision: _ignored, ...rest } = run;
  return rest;
};

describe('mergeRun', () => {
  it('inserts a new run in newest-first order, without a decision', () => {
    const older = {
      ...sampleRun,
      id: 'old',
      requestedAt: '2026-11-28T09:00:00Z',
    };
    const newer = pushed({
      ...sampleRun,
      id: 'new',
      requestedAt: '2026-11-28T11:00:00Z',
    });
    const merged = mergeRun([sampleRun, older], newer);
    expect(merged.map(r => r.id)).toEqual(['new', 'run-1', 'old']);
    expect(merged[0].decision).toBeUndefined();
  });

  it('moves a run forward and keeps the decision the list gave it', () => {
    const merged = mergeRun(
      [sampleRun],
      pushed({
        ...sampleRun,
        status: 'running',
        decidedBy: 'user:default/amy',
      }),
    );
    expect(merged).toEqual([
      {
        ...sampleRun,
        status: 'running',
        decidedBy: 'user:default/amy',
        decision: sampleRun.decision,
      },
    ]);
  });

  it('ignores a push older than what is on screen', () => {
    const done = { ...sampleRun, status: 'succeeded' as const };
    expect(
      mergeRun([done], pushed({ ...sampleRun, status: 'running' })),
    ).toEqual([done]);
  });
});

describe('mergeReloaded', () => {
  it('takes the answer when nothing was pushed meanwhile', () => {
    expect(mergeReloaded(undefined, [sampleRun])).toEqual([sampleRun]);
  });

  it('keeps a push that overtook the reload, with the fresh decision', () => {
    const onScreen = pushed({ ...sampleRun, status: 'succeeded' });
    const fetched = {
      ...sampleRun,
      status: 'running' as const,
      decision: { allowed: false, reason: 'decided' },
    };
    expect(mergeReloaded([onScreen], [fetched])).toEqual([
      { ...onScreen, decision: fetched.decision },
    ]);
  });

  it('keeps runs pushed after the answer was made and drops older leftovers', () => {
    const fresh = pushed({
      ...sampleRun,
      id: 'fresh',
      requestedAt: '2026-11-28T12:00:00Z',
    });
    const gone = {
      ...sampleRun,
      id: 'gone',
      requestedAt: '2026-11-28T08:00:00Z',
    };
    expect(
      mergeReloaded([fresh, sampleRun, gone], [sampleRun]).map(r => r.id),
    ).toEqual(['fresh', 'run-1']);
  });
});
