import { DateTime } from 'luxon';
import type { OnCallSchedule, QuietHours, Shift } from './types';

/** Start of rotation shift `k` (0-based), in the schedule's zone: DST moves the instant, not the local hand-off. */
function shiftStart(schedule: OnCallSchedule, k: number): DateTime {
  return DateTime.fromISO(`${schedule.start}T${schedule.handoffTime}`, {
    zone: schedule.timeZone,
  }).plus({ days: k * schedule.lengthDays });
}

/** The rotation's shift that contains `at` (before the start: the first shift's person from the start). */
function rotationShift(schedule: OnCallSchedule, at: Date): Shift {
  const first = shiftStart(schedule, 0);
  const days = DateTime.fromJSDate(at).diff(first, 'days').days;
  let k = Math.max(0, Math.floor(days / schedule.lengthDays));
  // Whole-day arithmetic can be an hour off around DST changes: settle on the shift that contains `at`.
  while (k > 0 && shiftStart(schedule, k).toJSDate() > at) k--;
  while (shiftStart(schedule, k + 1).toJSDate() <= at) k++;
  const n = schedule.users.length;
  return {
    user: schedule.users[((k % n) + n) % n],
    from: shiftStart(schedule, k).toJSDate(),
    until: shiftStart(schedule, k + 1).toJSDate(),
  };
}

/** Who is on call at `at`: an override covering it, else the rotation. */
export function onCallAt(schedule: OnCallSchedule, at: Date): Shift {
  const override = schedule.overrides.find(o => o.from <= at && at < o.until);
  const shift = rotationShift(schedule, at);
  if (override) {
    return { user: override.user, from: override.from, until: override.until };
  }
  // An override starting within this shift cuts it short.
  const cut = schedule.overrides
    .filter(o => o.from > at && o.from < shift.until)
    .sort((a, b) => a.from.getTime() - b.from.getTime())[0];
  return cut ? { ...shift, until: cut.from } : shift;
}

/** The next person on call after the current one: the first shift after `at` held by someone else. */
export function nextOnCall(schedule: OnCallSchedule, at: Date): Shift | null {
  const current = onCallAt(schedule, at);
  let probe = current.until;
  // Bounded: every user's turn plus the overrides in between.
  for (
    let i = 0;
    i < schedule.users.length + schedule.overrides.length + 2;
    i++
  ) {
    const shift = onCallAt(schedule, probe);
    if (shift.user !== current.user) return shift;
    probe = shift.until;
  }
  return null;
}

/** Minutes since local midnight of HH:mm. */
function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
}

/**
 * When quiet hours containing `at` end, or undefined when `at` is outside
 * them. `from` after `to` spans midnight (22:00-07:00).
 */
export function quietUntil(quiet: QuietHours, at: Date): Date | undefined {
  const local = DateTime.fromJSDate(at, { zone: quiet.timeZone });
  const now = local.hour * 60 + local.minute;
  const from = minutesOf(quiet.from);
  const to = minutesOf(quiet.to);
  const inside = from <= to ? now >= from && now < to : now >= from || now < to;
  if (!inside) return undefined;
  const [h, m] = quiet.to.split(':').map(Number);
  let end = local.set({ hour: h, minute: m, second: 0, millisecond: 0 });
  if (end <= local) end = end.plus({ days: 1 });
  return end.toJSDate();
}
