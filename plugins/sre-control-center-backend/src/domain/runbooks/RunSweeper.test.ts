import { outcomeOf } from './RunSweeper';

const run = { finishedAt: '2026-11-30T10:00:00.000Z' };

describe('outcomeOf', () => {
  it('tells how long after the action the alert resolved', () => {
    expect(
      outcomeOf(
        run,
        {
          monitorCondition: 'Resolved',
          resolvedAt: '2026-11-30T10:04:10.000Z',
        },
        new Date('2026-11-30T10:05:00Z'),
      ),
    ).toBe('resolved 4 min after the action');
  });

  it('waits up to 15 minutes, then records that the alert still fires', () => {
    const firing = { monitorCondition: 'Fired', resolvedAt: null };
    expect(
      outcomeOf(run, firing, new Date('2026-11-30T10:14:59Z')),
    ).toBeUndefined();
    expect(outcomeOf(run, firing, new Date('2026-11-30T10:15:00Z'))).toBe(
      'still firing 15 min after the action',
    );
  });

  it('notices an alert that resolved before the action finished', () => {
    expect(
      outcomeOf(
        run,
        {
          monitorCondition: 'Resolved',
          resolvedAt: '2026-11-30T09:58:00.000Z',
        },
        new Date('2026-11-30T10:01:00Z'),
      ),
    ).toBe('resolved 2 min before the action finished');
  });
});
