import type { Alert } from '@internal/plugin-sre-control-center-common';

/** Newest first, as the API sorts: by fired time, then id. */
function newerFirst(a: Alert, b: Alert): number {
  if (a.firedAt !== b.firedAt) return a.firedAt < b.firedAt ? 1 : -1;
  if (a.id === b.id) return 0;
  return a.id < b.id ? 1 : -1;
}

/**
 * Puts a pushed alert into the list on screen: replaces the copy with the
 * same id when it is not newer, or inserts it in order.
 */
export function mergeAlert(items: Alert[], alert: Alert): Alert[] {
  const existing = items.find(a => a.id === alert.id);
  if (existing && existing.updatedAt > alert.updatedAt) return items;
  return [...items.filter(a => a.id !== alert.id), alert].sort(newerFirst);
}
