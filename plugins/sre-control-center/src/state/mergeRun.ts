import type {
  RunbookRun,
  RunStatus,
} from '@sre-control-center/plugin-sre-control-center-common';

/**
 * A run as the page holds it. Runs pushed on the signal channel carry no
 * `decision` (it depends on who looks), so a run first seen through a push
 * has none until the list is reloaded.
 */
export type RunOnScreen = Omit<RunbookRun, 'decision'> & {
  decision?: RunbookRun['decision'];
};

/**
 * How far along its life a run is. Runs have no version or updatedAt, and
 * their status only moves forward, so a copy with a lower stage is stale.
 */
const STAGE: Record<RunStatus, number> = {
  pending_approval: 0,
  approved: 1,
  running: 2,
  rejected: 3,
  expired: 3,
  skipped: 3,
  succeeded: 3,
  failed: 3,
  interrupted: 3,
};

/** Newest first, as the API sorts: by request time, then id. */
function newerFirst(a: RunOnScreen, b: RunOnScreen): number {
  if (a.requestedAt !== b.requestedAt)
    return a.requestedAt < b.requestedAt ? 1 : -1;
  if (a.id === b.id) return 0;
  return a.id < b.id ? 1 : -1;
}

/** The newer of two copies of one run; a decision is kept when the newer has none. */
function newer(current: RunOnScreen, incoming: RunOnScreen): RunOnScreen {
  if (STAGE[incoming.status] < STAGE[current.status]) {
    return { ...current, decision: incoming.decision ?? current.decision };
  }
  return { ...incoming, decision: incoming.decision ?? current.decision };
}

/** Puts one run (pushed, or the answer to an action) into the list on screen. */
export function mergeRun(
  items: RunOnScreen[],
  run: RunOnScreen,
): RunOnScreen[] {
  const existing = items.find(r => r.id === run.id);
  const merged = existing ? newer(existing, run) : run;
  return [...items.filter(r => r.id !== run.id), merged].sort(newerFirst);
}

/**
 * Puts a reloaded list in place of the one on screen without undoing pushes
 * that arrived while the request was under way: a run the page already saw
 * further along keeps that state (with the fresh decision), and runs pushed
 * that are newer than anything in the answer stay.
 */
export function mergeReloaded(
  items: RunOnScreen[] | undefined,
  fetched: RunbookRun[],
): RunOnScreen[] {
  const onScreen = new Map((items ?? []).map(r => [r.id, r]));
  const merged: RunOnScreen[] = fetched.map(run => {
    const seen = onScreen.get(run.id);
    return seen ? newer(seen, run) : run;
  });
  const newest = fetched.reduce(
    (max, r) => (r.requestedAt > max ? r.requestedAt : max),
    '',
  );
  const fetchedIds = new Set(fetched.map(r => r.id));
  for (const run of items ?? []) {
    if (!fetchedIds.has(run.id) && run.requestedAt > newest) merged.push(run);
  }
  return merged.sort(newerFirst);
}
