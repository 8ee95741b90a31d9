import { useApi } from '@backstage/core-plugin-api';
import type {
  Alert,
  AlertSeverity,
  AlertState,
} from '@sre-control-center/plugin-sre-control-center-common';
import { useCallback, useEffect, useRef, useState } from 'react';
import { sreControlCenterApiRef } from '../api';
import {
  catchUpSince,
  emptyFeed,
  withChanges,
  withFirstPage,
  withNextPage,
  type FeedState,
} from '../state/alertFeedState';
import {
  POLL_WITHOUT_SIGNALS_MS,
  useProjectResource,
  type ControlCenterSignal,
} from './useProjectResource';

/**
 * With signals, the feed still catches up this often: the signal API does
 * not say when its socket dropped and reconnected, and what was pushed in
 * between is lost. A catch-up asks only for what changed, so it is cheap
 * enough to run more often than other lists' LIVE_REFRESH_MS reloads.
 */
export const LIVE_CATCH_UP_MS = 30_000;
/**
 * See catchUpSince: how far before the last sync a catch-up starts. The sync
 * point is the server's clock (`asOf`); this covers commits that land just
 * after a read and small clock differences between replicas.
 */
export const CATCH_UP_OVERLAP_MS = 10_000;
/** Alerts per request (the API's maximum). */
export const PAGE_SIZE = 200;
/** More changes than this many pages since the last sync: reload instead. */
export const MAX_CATCH_UP_PAGES = 5;
/** Pushes arriving within this time are merged in one render. */
export const PUSH_BATCH_MS = 50;

/** An answer of the feed's fetcher: how it changes the feed. */
type FeedUpdate = (feed: FeedState) => FeedState;

/** Filters the backend applies (the resource filter is applied on screen). */
export interface AlertQuery {
  state?: AlertState;
  severity?: AlertSeverity;
}

/**
 * The alerts of one project, newest first, kept live.
 *
 * - Loads the first page of {@link PAGE_SIZE}; `loadMore` fetches the next,
 *   older page with the cursor (the list calls it when scrolled to the end).
 * - Merges every `alerts.changed` push (a batch's alerts) by id. Pushes are read from the signal
 *   API directly rather than through `useSignal`, whose `lastSignal` state
 *   keeps only the last of several messages React batches into one render.
 * - Catches up (fetches `changedSince` its last sync) on the triggers of
 *   {@link useProjectResource} (tab visible, browser online) and every
 *   {@link LIVE_CATCH_UP_MS} (POLL_WITHOUT_SIGNALS_MS without signals): the
 *   moments when pushes may have been missed. Its value is the feed, and
 *   each answer is an update of the feed (first page, catch-up) applied to
 *   the feed as it is when the answer lands.
 */
export function useAlerts(entityRef: string, query: AlertQuery = {}) {
  const api = useApi(sreControlCenterApiRef);
  const { state, severity } = query;

  const firstPage = async (): Promise<FeedUpdate> => {
    const page = await api.listAlerts({
      entityRef,
      state,
      severity,
      limit: PAGE_SIZE,
    });
    return f => withFirstPage(f, page);
  };

  const fetchFeed = async (
    _entityRef: string,
    current: FeedState | undefined,
  ): Promise<FeedUpdate> => {
    // Until the first page arrived (or after it failed) this is its (re)try.
    if (!current?.loaded) return firstPage();
    const since = catchUpSince(current, CATCH_UP_OVERLAP_MS);
    const changed: Alert[] = [];
    let cursor: string | undefined;
    let asOf: string | undefined;
    let pages = 0;
    do {
      // Not filtered by state or severity: an alert that changed so that it
      // no longer matches must be seen too, to leave the list.
      const page = await api.listAlerts({
        entityRef,
        changedSince: since,
        limit: PAGE_SIZE,
        cursor,
      });
      changed.push(...page.items);
      asOf ??= page.asOf;
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor && since && pages < MAX_CATCH_UP_PAGES);
    // Too much changed to catch up: a fresh first page is cheaper.
    if (cursor && since) return firstPage();
    return f => withChanges(f, changed, true, asOf);
  };

  // Pushes arriving within PUSH_BATCH_MS are merged in one render.
  const batch = useRef<{
    alerts: Alert[];
    timer?: ReturnType<typeof setTimeout>;
  }>({ alerts: [] });
  const onSignal = (
    signal: ControlCenterSignal,
    mutate: (update: (feed: FeedState | undefined) => FeedState) => void,
  ) => {
    if (signal.type === 'alert.changed')
      batch.current.alerts.push(signal.alert);
    else if (signal.type === 'alerts.changed')
      batch.current.alerts.push(...signal.alerts);
    else return;
    batch.current.timer ??= setTimeout(() => {
      const pushed = batch.current.alerts;
      batch.current = { alerts: [] };
      mutate(f => withChanges(f ?? emptyFeed, pushed));
    }, PUSH_BATCH_MS);
  };
  useEffect(
    () => () => {
      clearTimeout(batch.current.timer);
      batch.current = { alerts: [] };
    },
    [entityRef],
  );

  const resource = useProjectResource<FeedUpdate, FeedState>(
    entityRef,
    fetchFeed,
    {
      key: `${state ?? ''}|${severity ?? ''}`,
      onSignal,
      intervalMs: (_, live) =>
        live ? LIVE_CATCH_UP_MS : POLL_WITHOUT_SIGNALS_MS,
      merge: (current, update) => update(current ?? emptyFeed),
    },
  );
  const { mutate } = resource;
  const feed = resource.value ?? emptyFeed;
  const feedRef = useRef(feed);
  feedRef.current = feed;

  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<Error | undefined>(undefined);
  const loadingMoreRef = useRef(false);
  useEffect(() => {
    loadingMoreRef.current = false;
    setLoadingMore(false);
    setMoreError(undefined);
  }, [entityRef, state, severity]);

  const loadMore = useCallback(async () => {
    const cursor = feedRef.current.nextCursor;
    if (!cursor || loadingMoreRef.current) return;
    loadingMoreRef.current = true;
    setLoadingMore(true);
    try {
      const page = await api.listAlerts({
        entityRef,
        state,
        severity,
        limit: PAGE_SIZE,
        cursor,
      });
      setMoreError(undefined);
      // A reload or another project meanwhile: this page no longer fits.
      mutate(f =>
        f?.nextCursor === cursor ? withNextPage(f, page) : f ?? emptyFeed,
      );
    } catch (e) {
      setMoreError(e as Error);
    } finally {
      loadingMoreRef.current = false;
      setLoadingMore(false);
    }
  }, [api, entityRef, state, severity, mutate]);

  const showChanged = useCallback(
    (alert: Alert) => mutate(f => withChanges(f ?? emptyFeed, [alert])),
    [mutate],
  );

  return {
    /** Loaded alerts, newest first; may hold some the filters do not match. */
    items: feed.loaded ? feed.items : undefined,
    /** Shows an alert the user just changed, before its signal arrives. */
    showChanged,
    /** Fetches the next, older page; a no-op while one is loading. */
    loadMore,
    hasMore: feed.nextCursor !== null,
    loadingMore,
    moreError,
    /** Fetches what changed since the last sync (also run by the triggers). */
    catchUp: resource.reload,
    loading: !feed.loaded && !resource.error,
    error: feed.loaded ? undefined : resource.error,
    live: resource.live,
  };
}
