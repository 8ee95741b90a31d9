import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Compares the presented token with the configured one in constant time,
 * including their lengths: both are hashed first, so neither a wrong
 * character nor a wrong length shows in the time the comparison takes.
 */
export function tokenMatches(expected: string, presented: unknown): boolean {
  if (typeof presented !== 'string') return false;
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(expected), digest(presented));
}
