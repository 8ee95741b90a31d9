import type { StackSnapshot } from '@sre-control-center/plugin-sre-control-center-common';

/** `ageSeconds` in words: "just now", "4 min ago", "2 h 5 min ago". */
export function ageText(seconds: number): string {
  if (seconds < 60) return 'just now';
  const minutes = Math.floor(seconds / 60);
  if (minutes < 120) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest ? `${hours} h ${rest} min ago` : `${hours} h ago`;
}

/** Older than three refreshes (2 min each): the card says the values are old. */
export const STALE_AFTER_SECONDS = 6 * 60;

export function isStale(snapshot: Pick<StackSnapshot, 'ageSeconds'>): boolean {
  return snapshot.ageSeconds > STALE_AFTER_SECONDS;
}

export function money(amount: number, currency: string): string {
  return new Intl.NumberFormat(undefined, {
    style: 'currency',
    currency,
  }).format(amount);
}
