const MINUTE = 60_000;

/** `user:default/jane` → `jane`; `automation` stays as it is. */
export function shortRef(ref: string): string {
  const slash = ref.lastIndexOf('/');
  return ref.includes(':') && slash >= 0 ? ref.slice(slash + 1) : ref;
}

/** A duration in words, rounded down to minutes (or hours from 2 h on). */
export function duration(ms: number): string {
  const minutes = Math.floor(ms / MINUTE);
  if (minutes < 1) return 'less than a minute';
  if (minutes < 120) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest ? `${hours} h ${rest} min` : `${hours} h`;
}

/** How long a pending run can still be approved, e.g. "expires in 42 min". */
export function timeLeft(expiresAt: string | null, now: number): string {
  if (!expiresAt) return 'does not expire';
  const left = Date.parse(expiresAt) - now;
  return left > 0 ? `expires in ${duration(left)}` : 'expiring now';
}

/** How long ago, e.g. "5 min ago"; under a minute is "just now". */
export function ago(at: string, now: number): string {
  const ms = now - Date.parse(at);
  return ms < MINUTE ? 'just now' : `${duration(ms)} ago`;
}
