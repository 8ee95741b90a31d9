import type {
  Alert,
  Page,
} from '@sre-control-center/plugin-sre-control-center-common';
import { mergeAlerts, newerFirst } from './mergeAlert';

/**
 * What the feed holds. Pages are loaded newest first; the "window" is the
 * part of the project's alerts that the loaded pages cover: from the newest
 * down to the oldest alert of the last page. Alerts that arrive by push or
 * catch-up join the list only inside the window (or when they are already
 * on it), so the list never shows an old alert with a gap above it; they
 * join when the user scrolls that far and the page is loaded.
 */
export interface FeedState {
  /** Newest first (fired time, then id), as the API sorts. */
  items: Alert[];
  /** Whether the first page has arrived. */
  loaded: boolean;
  /** Cursor of the next (older) page; null when every page is loaded. */
  nextCursor: string | null;
  /** Oldest alert of the loaded pages while more pages exist, else null. */
  boundary: Alert | null;
  /**
   * Latest updatedAt of a fetch that saw every alert of the window at one
   * moment (the first page, a catch-up): the next catch-up asks for what
   * changed after it. Pushed alerts never move it: a push received after a
   * reconnect says nothing about pushes lost during it.
   */
  syncedTo: string | undefined;
}

export const emptyFeed: FeedState = {
  items: [],
  loaded: false,
  nextCursor: null,
  boundary: null,
  syncedTo: undefined,
};

function latestUpdate(alerts: Alert[], since?: string): string | undefined {
  let latest = since;
  for (const alert of alerts) {
    if (latest === undefined || alert.updatedAt > latest)
      latest = alert.updatedAt;
  }
  return latest;
}

function inWindow(state: FeedState, alert: Alert): boolean {
  // Before the first page, everything is kept for it to be merged into.
  if (!state.loaded || !state.boundary) return true;
  return newerFirst(alert, state.boundary) <= 0;
}

function boundaryOf(page: Page<Alert>): Alert | null {
  return page.nextCursor ? page.items[page.items.length - 1] ?? null : null;
}

/**
 * The first page (or a reload of it) replaces the list. Alerts already held
 * survive only when they are inside the new window and newer than anything
 * the page saw: pushes that arrived while the page was loading.
 */
export function withFirstPage(state: FeedState, page: Page<Alert>): FeedState {
  const syncedTo = page.asOf ?? latestUpdate(page.items);
  const next: FeedState = {
    items: [...page.items].sort(newerFirst),
    loaded: true,
    nextCursor: page.nextCursor,
    boundary: boundaryOf(page),
    syncedTo,
  };
  const newer = state.items.filter(
    a =>
      inWindow(next, a) && (syncedTo === undefined || a.updatedAt > syncedTo),
  );
  return { ...next, items: mergeAlerts(next.items, newer) };
}

/** An older page, fetched with nextCursor, extends the window downwards. */
export function withNextPage(state: FeedState, page: Page<Alert>): FeedState {
  return {
    ...state,
    items: mergeAlerts(state.items, page.items),
    nextCursor: page.nextCursor,
    boundary: boundaryOf(page),
    // syncedTo stays: an older page says nothing about newer alerts.
  };
}

/**
 * Alerts that changed: pushed (`caughtUp` false) or the complete answer of a
 * catch-up since `syncedTo` (`caughtUp` true, which moves syncedTo on: to the
 * server's `asOf` of that catch-up when it sent one, so a quiet feed's next
 * catch-up asks only for what changed since, not for the last burst again).
 */
export function withChanges(
  state: FeedState,
  alerts: Alert[],
  caughtUp = false,
  asOf?: string,
): FeedState {
  let accepted = alerts;
  if (alerts.some(a => !inWindow(state, a))) {
    // Rare (old alerts changing): only then is the id set worth building.
    const held = new Set(state.items.map(a => a.id));
    accepted = alerts.filter(a => inWindow(state, a) || held.has(a.id));
  }
  const items = mergeAlerts(state.items, accepted);
  let syncedTo = state.syncedTo;
  if (caughtUp) syncedTo = asOf ?? latestUpdate(alerts, state.syncedTo);
  if (items === state.items && syncedTo === state.syncedTo) return state;
  return { ...state, items, syncedTo };
}

/**
 * Where a catch-up starts: a little before syncedTo, because a change
 * stamped just before it may commit just after the fetch that set it (and
 * replicas' clocks differ slightly). Re-fetching a few alerts is harmless:
 * merging is by id and never goes back to an older version.
 */
export function catchUpSince(
  state: FeedState,
  overlapMs: number,
): string | undefined {
  if (state.syncedTo === undefined) return undefined;
  return new Date(Date.parse(state.syncedTo) - overlapMs).toISOString();
}
