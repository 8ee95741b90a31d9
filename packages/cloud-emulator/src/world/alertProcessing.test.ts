import { scheduleIsActive, scopeCovers } from './alertProcessing';
import { ianaZone } from './wallClock';

// Monday 16 June 2025, 10:00 UTC = 12:00 in Amsterdam, 03:00 in Seattle.
const MONDAY_10_UTC = new Date('2025-06-16T10:00:00Z');

describe('alert processing rule schedules', () => {
  it('maps Windows time zone names and accepts IANA names', () => {
    expect(ianaZone('W. Europe Standard Time')).toBe('Europe/Berlin');
    expect(ianaZone('pacific standard time')).toBe('America/Los_Angeles');
    expect(ianaZone('Europe/Amsterdam')).toBe('Europe/Amsterdam');
    expect(ianaZone('Mars Standard Time')).toBeUndefined();
  });

  it('compares effectiveFrom/Until as wall-clock time in the rule zone', () => {
    const window = {
      effectiveFrom: '2025-06-16T11:30:00',
      effectiveUntil: '2025-06-16T12:30:00',
    };
    expect(
      scheduleIsActive(
        { ...window, timeZone: 'W. Europe Standard Time' },
        MONDAY_10_UTC,
      ),
    ).toBe(true);
    // The same wall-clock window in UTC is not yet open at 10:00 UTC.
    expect(
      scheduleIsActive({ ...window, timeZone: 'UTC' }, MONDAY_10_UTC),
    ).toBe(false);
    expect(scheduleIsActive(undefined, MONDAY_10_UTC)).toBe(true);
  });

  it('applies daily windows past midnight and weekly and monthly days', () => {
    const seattle = 'Pacific Standard Time';
    expect(
      scheduleIsActive(
        {
          timeZone: seattle,
          recurrences: [
            {
              recurrenceType: 'Daily',
              startTime: '22:00:00',
              endTime: '04:00:00',
            },
          ],
        },
        MONDAY_10_UTC,
      ),
    ).toBe(true);
    // 03:00 on Monday belongs to Sunday night's window.
    const sundayNight = {
      recurrenceType: 'Weekly' as const,
      daysOfWeek: ['Sunday'],
      startTime: '22:00:00',
      endTime: '04:00:00',
    };
    expect(
      scheduleIsActive(
        { timeZone: seattle, recurrences: [sundayNight] },
        MONDAY_10_UTC,
      ),
    ).toBe(true);
    expect(
      scheduleIsActive(
        {
          timeZone: seattle,
          recurrences: [{ ...sundayNight, daysOfWeek: ['Monday'] }],
        },
        MONDAY_10_UTC,
      ),
    ).toBe(false);
    expect(
      scheduleIsActive(
        {
          timeZone: 'UTC',
          recurrences: [{ recurrenceType: 'Monthly', daysOfMonth: [1, 16] }],
        },
        MONDAY_10_UTC,
      ),
    ).toBe(true);
  });

  it('matches scopes as case-insensitive id prefixes', () => {
    const site =
      '/subscriptions/s/resourceGroups/rg-a/providers/Microsoft.Web/sites/app';
    expect(scopeCovers('/subscriptions/S/resourcegroups/RG-A', site)).toBe(
      true,
    );
    expect(scopeCovers('/subscriptions/s', site)).toBe(true);
    expect(scopeCovers(site.toUpperCase(), site)).toBe(true);
    expect(scopeCovers('/subscriptions/s/resourceGroups/rg', site)).toBe(false);
  });
});
