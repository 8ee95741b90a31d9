import { nextOnCall, onCallAt, quietUntil } from './schedules';
import type { OnCallSchedule } from './types';

const schedule: OnCallSchedule = {
  name: 'primary',
  timeZone: 'Europe/Berlin',
  users: ['user:default/a', 'user:default/b', 'user:default/c'],
  start: '2026-03-23',
  handoffTime: '09:00',
  lengthDays: 7,
  overrides: [],
};

describe('on-call schedules', () => {
  it('hands off at the local time, across a DST change', () => {
    // Berlin moves to summer time on 2026-03-29: the hand-off stays at 09:00 local.
    expect(onCallAt(schedule, new Date('2026-03-30T06:59:00Z')).user).toBe(
      'user:default/a',
    );
    const second = onCallAt(schedule, new Date('2026-03-30T07:00:00Z'));
    expect(second).toEqual({
      user: 'user:default/b',
      from: new Date('2026-03-30T07:00:00Z'),
      until: new Date('2026-04-06T07:00:00Z'),
    });
    expect(onCallAt(schedule, new Date('2026-04-13T07:00:00Z')).user).toBe(
      'user:default/a',
    );
  });

  it('an override takes the shift for its time and cuts the rotation short', () => {
    const withOverride = {
      ...schedule,
      overrides: [
        {
          user: 'user:default/c',
          from: new Date('2026-03-31T12:00:00Z'),
          until: new Date('2026-04-01T12:00:00Z'),
        },
      ],
    };
    const before = onCallAt(withOverride, new Date('2026-03-31T08:00:00Z'));
    expect(before).toMatchObject({
      user: 'user:default/b',
      until: new Date('2026-03-31T12:00:00Z'),
    });
    expect(
      nextOnCall(withOverride, new Date('2026-03-31T08:00:00Z'))?.user,
    ).toBe('user:default/c');
    expect(onCallAt(withOverride, new Date('2026-03-31T13:00:00Z')).user).toBe(
      'user:default/c',
    );
    expect(onCallAt(withOverride, new Date('2026-04-01T13:00:00Z')).user).toBe(
      'user:default/b',
    );
  });

  it('next is the first later shift of someone else', () => {
    const two = {
      ...schedule,
      users: ['user:default/a', 'user:default/a', 'user:default/b'],
    };
    expect(nextOnCall(two, new Date('2026-03-24T00:00:00Z'))).toMatchObject({
      user: 'user:default/b',
      from: new Date('2026-04-06T07:00:00Z'),
    });
  });

  it('quiet hours spanning midnight', () => {
    const quiet = { from: '22:00', to: '07:00', timeZone: 'Europe/Berlin' };
    expect(quietUntil(quiet, new Date('2026-12-01T20:59:00Z'))).toBeUndefined();
    expect(quietUntil(quiet, new Date('2026-12-01T21:00:00Z'))).toEqual(
      new Date('2026-12-02T06:00:00Z'),
    );
    expect(quietUntil(quiet, new Date('2026-12-02T05:59:00Z'))).toEqual(
      new Date('2026-12-02T06:00:00Z'),
    );
    expect(quietUntil(quiet, new Date('2026-12-02T06:00:00Z'))).toBeUndefined();
  });
});
