import { ago, duration, shortRef, timeLeft } from './format';

const now = Date.parse('2026-11-28T10:00:00.000Z');

describe('run formatting', () => {
  it('shortens user refs and leaves other actors alone', () => {
    expect(shortRef('user:default/jane.doe')).toBe('jane.doe');
    expect(shortRef('automation')).toBe('automation');
  });

  it('words durations in minutes, then hours', () => {
    expect(duration(59_000)).toBe('less than a minute');
    expect(duration(42 * 60_000 + 59_000)).toBe('42 min');
    expect(duration(119 * 60_000)).toBe('119 min');
    expect(duration(120 * 60_000)).toBe('2 h');
    expect(duration(150 * 60_000)).toBe('2 h 30 min');
  });

  it('counts down to the expiry', () => {
    expect(timeLeft('2026-11-28T10:42:30.000Z', now)).toBe('expires in 42 min');
    expect(timeLeft('2026-11-28T09:59:00.000Z', now)).toBe('expiring now');
    expect(timeLeft(null, now)).toBe('does not expire');
  });

  it('says how long ago', () => {
    expect(ago('2026-11-28T09:59:30.000Z', now)).toBe('just now');
    expect(ago('2026-11-28T09:55:00.000Z', now)).toBe('5 min ago');
  });
});
