import { useApi, useApiHolder } from '@backstage/core-plugin-api';
import { signalApiRef } from '@backstage/plugin-signals-react';
import {
  signalChannelFor,
  type ProjectSignal,
} from '@sre-control-center/plugin-sre-control-center-common';
import { useCallback, useEffect, useRef, useState } from 'react';
import { sreControlCenterApiRef } from '../api';
import { mergeReloaded, mergeRun, type RunOnScreen } from './mergeRun';
import {
  LIVE_REFRESH_MS,
  POLL_WITHOUT_SIGNALS_MS,
  useRefreshTriggers,
} from './useRefreshTriggers';
import { useReloadable } from './useReloadable';

/** Runs shown: the pending ones plus recent history. */
export const RUNS_LIMIT = 50;

/**
 * The runs of one project, newest first, kept live: each `run.changed` push
 * is merged by id (every message, not only the last one React rendered);
 * without signals the list is polled. A pushed run the page has not seen
 * carries no approval decision for this user, so the list is reloaded once
 * to get it.
 */
export function useRuns(entityRef: string) {
  const api = useApi(sreControlCenterApiRef);
  const signals = useApiHolder().get(signalApiRef);
  const loaded = useReloadable(
    useCallback(() => api.listRuns(entityRef, RUNS_LIMIT), [api, entityRef]),
  );
  const { reload } = loaded;
  const [items, setItems] = useState<RunOnScreen[] | undefined>(undefined);

  useEffect(() => setItems(undefined), [entityRef]);

  useEffect(() => {
    const fetched = loaded.value;
    if (fetched) setItems(current => mergeReloaded(current, fetched));
  }, [loaded.value]);

  useEffect(() => {
    if (!signals) return undefined;
    const { unsubscribe } = signals.subscribe(
      signalChannelFor(entityRef),
      message => {
        const signal = message as ProjectSignal;
        if (signal.type === 'run.changed') {
          setItems(current => mergeRun(current ?? [], signal.run));
        }
      },
    );
    return unsubscribe;
  }, [signals, entityRef]);

  // Once per run: should the reloaded list still lack it, do not loop.
  const askedForDecision = useRef(new Set<string>());
  useEffect(() => {
    const undecided = (items ?? []).filter(
      r =>
        r.status === 'pending_approval' &&
        !r.decision &&
        !askedForDecision.current.has(r.id),
    );
    if (undecided.length === 0) return;
    undecided.forEach(r => askedForDecision.current.add(r.id));
    reload();
  }, [items, reload]);

  useRefreshTriggers(
    reload,
    signals ? LIVE_REFRESH_MS : POLL_WITHOUT_SIGNALS_MS,
  );

  return {
    runs: items,
    /** Shows a run the user just requested or decided, before its push arrives. */
    showChanged: useCallback(
      (run: RunOnScreen) => setItems(current => mergeRun(current ?? [], run)),
      [],
    ),
    refresh: reload,
    // A reload keeps the list on screen; only the first load shows progress.
    loading: items === undefined && loaded.error === undefined,
    error: items === undefined ? loaded.error : undefined,
    live: Boolean(signals),
  };
}
