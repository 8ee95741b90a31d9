import { useApi } from '@backstage/core-plugin-api';
import type { RunbookRun } from '@sre-control-center/plugin-sre-control-center-common';
import { useCallback, useEffect, useRef } from 'react';
import { sreControlCenterApiRef } from '../api';
import { mergeReloaded, mergeRun, type RunOnScreen } from '../state/mergeRun';
import { useProjectResource } from './useProjectResource';

/** Runs shown: the pending ones plus recent history. */
export const RUNS_LIMIT = 50;

/**
 * The runs of one project, newest first, kept live: each `run.changed` push
 * is merged by id (every message, not only the last one React rendered);
 * a reload merges its answer with what was pushed meanwhile. A pushed run
 * the page has not seen carries no approval decision for this user, so the
 * list is reloaded once to get it.
 */
export function useRuns(entityRef: string) {
  const api = useApi(sreControlCenterApiRef);
  const { value, error, reload, mutate, live } = useProjectResource<
    RunbookRun[],
    RunOnScreen[]
  >(entityRef, ref => api.listRuns(ref, RUNS_LIMIT), {
    merge: mergeReloaded,
    onSignal: (signal, update) => {
      if (signal.type === 'run.changed') {
        update(current => mergeRun(current ?? [], signal.run));
      }
    },
  });

  // Once per run: should the reloaded list still lack it, do not loop.
  const askedForDecision = useRef(new Set<string>());
  useEffect(() => {
    const undecided = (value ?? []).filter(
      r =>
        r.status === 'pending_approval' &&
        !r.decision &&
        !askedForDecision.current.has(r.id),
    );
    if (undecided.length === 0) return;
    undecided.forEach(r => askedForDecision.current.add(r.id));
    reload();
  }, [value, reload]);

  return {
    runs: value,
    /** Shows a run the user just requested or decided, before its push arrives. */
    showChanged: useCallback(
      (run: RunOnScreen) => mutate(current => mergeRun(current ?? [], run)),
      [mutate],
    ),
    refresh: reload,
    // A reload keeps the list on screen; only the first load shows progress.
    loading: value === undefined && error === undefined,
    error: value === undefined ? error : undefined,
    live,
  };
}
