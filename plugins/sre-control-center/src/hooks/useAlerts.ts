import { useApi, useApiHolder } from '@backstage/core-plugin-api';
import { signalApiRef } from '@backstage/plugin-signals-react';
import {
  signalChannelFor,
  type Alert,
  type AlertSeverity,
  type AlertState,
  type ProjectSignal,
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
} from './alertFeedState';
import {
  POLL_WITHOUT_SIGNALS_MS,
  useRefreshTriggers,
} from './useRefreshTriggers';

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
 * - Catches up (fetches `changedSince` its last sync) when the tab becomes
 *   visible, when the browser goes online and every {@link LIVE_CATCH_UP_MS}
 *   (POLL_WITHOUT_SIGNALS_MS without signals): the moments when pushes may
 *   have been missed.
 */
export function useAlerts(entityRef: string, query: AlertQuery = {}) {
  const api = useApi(sreControlCenterApiRef);
  const signals = useApiHolder().get(signalApiRef);
  const { state, severity } = query;
  const [feed, setFeed] = useState<FeedState>(emptyFeed);
  const [error, setError] = useState<Error | undefined>(undefined);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<Error | undefined>(undefined);
  // Async work reads the latest state through refs, and drops its answer
  // when the project, the filters or a reload started a new generation.
  const feedRef = useRef(feed);
  feedRef.current = feed;
  const generation = useRef(0);
  const busy = useRef({
    loadingFirst: false,
    loadingMore: false,
    catchingUp: false,
  });

  const loadFirstPage = useCallback(async () => {
    const current = ++generation.current;
    busy.current.loadingFirst = true;
    busy.current.loadingMore = false;
    setLoadingMore(false);
    setMoreError(undefined);
    try {
      const page = await api.listAlerts({
        entityRef,
        state,
        severity,
        limit: PAGE_SIZE,
      });
      if (current !== generation.current) return;
      setError(undefined);
      setFeed(f => withFirstPage(f, page));
    } catch (e) {
      if (current === generation.current) setError(e as Error);
    } finally {
      if (current === generation.current) busy.current.loadingFirst = false;
    }
  }, [api, entityRef, state, severity]);

  useEffect(() => {
    setFeed(emptyFeed);
    setError(undefined);
    loadFirstPage();
  }, [loadFirstPage]);

  useEffect(() => {
    if (!signals) return undefined;
    let batch: Alert[] = [];
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      timer = undefined;
      const pushed = batch;
      batch = [];
      setFeed(f => withChanges(f, pushed));
    };
    const { unsubscribe } = signals.subscribe(
      signalChannelFor(entityRef),
      message => {
        const signal = message as ProjectSignal;
        if (signal.type === 'alert.changed') batch.push(signal.alert);
        else if (signal.type === 'alerts.changed') batch.push(...signal.alerts);
        else return;
        timer ??= setTimeout(flush, PUSH_BATCH_MS);
      },
    );
    return () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
    };
  }, [signals, entityRef]);

  const catchUp = useCallback(async () => {
    if (busy.current.loadingFirst || busy.current.catchingUp) return;
    const current = feedRef.current;
    if (!current.loaded) {
      // The first load failed: this is its retry.
      await loadFirstPage();
      return;
    }
    const since = catchUpSince(current, CATCH_UP_OVERLAP_MS);
    const started = generation.current;
    busy.current.catchingUp = true;
    try {
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
      if (started !== generation.current) return;
      if (cursor && since) {
        busy.current.catchingUp = false;
        await loadFirstPage();
        return;
      }
      setFeed(f => withChanges(f, changed, true, asOf));
    } catch {
      // The list stays as it is; the next trigger tries again.
    } finally {
      busy.current.catchingUp = false;
    }
  }, [api, entityRef, loadFirstPage]);

  useRefreshTriggers(
    catchUp,
    signals ? LIVE_CATCH_UP_MS : POLL_WITHOUT_SIGNALS_MS,
  );

  const loadMore = useCallback(async () => {
    const cursor = feedRef.current.nextCursor;
    if (!cursor || busy.current.loadingMore || busy.current.loadingFirst) {
      return;
    }
    const started = generation.current;
    busy.current.loadingMore = true;
    setLoadingMore(true);
    try {
      const page = await api.listAlerts({
        entityRef,
        state,
        severity,
        limit: PAGE_SIZE,
        cursor,
      });
      if (started !== generation.current) return;
      setMoreError(undefined);
      setFeed(f => (f.nextCursor === cursor ? withNextPage(f, page) : f));
    } catch (e) {
      if (started === generation.current) setMoreError(e as Error);
    } finally {
      if (started === generation.current) {
        busy.current.loadingMore = false;
        setLoadingMore(false);
      }
    }
  }, [api, entityRef, state, severity]);

  const showChanged = useCallback(
    (alert: Alert) => setFeed(f => withChanges(f, [alert])),
    [],
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
    catchUp,
    loading: !feed.loaded && !error,
    error: feed.loaded ? undefined : error,
    live: Boolean(signals),
  };
}
