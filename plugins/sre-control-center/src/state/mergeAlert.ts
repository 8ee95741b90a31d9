import type { Alert } from '@sre-control-center/plugin-sre-control-center-common';

/** Newest first, as the API sorts: by fired time, then id. */
export function newerFirst(a: Alert, b: Alert): number {
  if (a.firedAt !== b.firedAt) return a.firedAt < b.firedAt ? 1 : -1;
  if (a.id === b.id) return 0;
  return a.id < b.id ? 1 : -1;
}

/**
 * Puts alerts that arrived (pushed, fetched or just changed by the user) into
 * the sorted list on screen in one pass: each replaces its copy unless that
 * copy is newer, the others are inserted in order. Returns the same array
 * when nothing changed, so React can skip the render. New alerts are merged
 * into the sorted list in O(n); only an alert whose fired time changed
 * forces a full sort.
 */
export function mergeAlerts(items: Alert[], incoming: Alert[]): Alert[] {
  if (incoming.length === 0) return items;
  const latest = new Map<string, Alert>();
  for (const alert of incoming) {
    const seen = latest.get(alert.id);
    if (!seen || seen.updatedAt <= alert.updatedAt) latest.set(alert.id, alert);
  }
  let changed = false;
  let resort = false;
  const next = items.map(existing => {
    const update = latest.get(existing.id);
    if (!update) return existing;
    latest.delete(existing.id);
    if (update === existing || existing.updatedAt > update.updatedAt) {
      return existing;
    }
    changed = true;
    if (update.firedAt !== existing.firedAt) resort = true;
    return update;
  });
  if (latest.size === 0) {
    if (!changed) return items;
    return resort ? next.sort(newerFirst) : next;
  }
  const added = [...latest.values()].sort(newerFirst);
  if (resort) return [...next, ...added].sort(newerFirst);
  return mergeSorted(next, added);
}

/** Merges two lists sorted newest first: O(n + k), no re-sort of the long one. */
function mergeSorted(long: Alert[], short: Alert[]): Alert[] {
  const out: Alert[] = new Array(long.length + short.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < long.length && j < short.length) {
    out[k++] = newerFirst(short[j], long[i]) <= 0 ? short[j++] : long[i++];
  }
  while (i < long.length) out[k++] = long[i++];
  while (j < short.length) out[k++] = short[j++];
  return out;
}

/** One alert into the list: see {@link mergeAlerts}. */
export function mergeAlert(items: Alert[], alert: Alert): Alert[] {
  return mergeAlerts(items, [alert]);
}
