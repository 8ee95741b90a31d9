/**
 * Alert processing rule schedules are wall-clock times in a Windows time zone
 * ("W. Europe Standard Time"). Node only knows IANA zones, so the common
 * Windows names are mapped; IANA names are accepted as they are.
 */
const WINDOWS_ZONES: Record<string, string> = {
  utc: 'UTC',
  'coordinated universal time': 'UTC',
  'gmt standard time': 'Europe/London',
  'greenwich standard time': 'Atlantic/Reykjavik',
  'w. europe standard time': 'Europe/Berlin',
  'central europe standard time': 'Europe/Budapest',
  'central european standard time': 'Europe/Warsaw',
  'romance standard time': 'Europe/Paris',
  'fle standard time': 'Europe/Helsinki',
  'gtb standard time': 'Europe/Bucharest',
  'eastern standard time': 'America/New_York',
  'central standard time': 'America/Chicago',
  'mountain standard time': 'America/Denver',
  'pacific standard time': 'America/Los_Angeles',
  'india standard time': 'Asia/Kolkata',
  'china standard time': 'Asia/Shanghai',
  'tokyo standard time': 'Asia/Tokyo',
  'singapore standard time': 'Asia/Singapore',
  'aus eastern standard time': 'Australia/Sydney',
};

/** IANA zone for a Windows or IANA time zone name; undefined if unknown. */
export function ianaZone(timeZone: string): string | undefined {
  const mapped = WINDOWS_ZONES[timeZone.trim().toLowerCase()];
  if (mapped) return mapped;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone }).resolvedOptions()
      .timeZone;
  } catch {
    return undefined;
  }
}

export interface WallClock {
  /** `yyyy-MM-ddTHH:mm:ss`, comparable as a string. */
  dateTime: string;
  /** `HH:mm:ss` */
  time: string;
  /** `Sunday` … `Saturday` */
  dayOfWeek: string;
  dayOfMonth: number;
}

/** What a clock in `ianaTimeZone` shows at `at`. */
export function wallClock(at: Date, ianaTimeZone: string): WallClock {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: ianaTimeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      weekday: 'long',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map(p => [p.type, p.value]),
  );
  const time = `${parts.hour}:${parts.minute}:${parts.second}`;
  return {
    dateTime: `${parts.year}-${parts.month}-${parts.day}T${time}`,
    time,
    dayOfWeek: parts.weekday,
    dayOfMonth: Number(parts.day),
  };
}
