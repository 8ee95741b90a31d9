import { useApi } from '@backstage/core-plugin-api';
import { useSignal } from '@backstage/plugin-signals-react';
import {
  signalChannelFor,
  type ProjectSignal,
} from '@sre-control-center/plugin-sre-control-center-common';
import { useEffect, useRef } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { sreControlCenterApiRef } from '../api';

/** Until there are figures (or while they are stale) look again this often. */
export const COST_RETRY_MS = 15_000;
/** Cost Management itself updates a few times a day. */
export const COST_REFRESH_MS = 5 * 60_000;

/** This month's cost summary of one project (undefined until the first refresh). */
export function useCosts(entityRef: string) {
  const api = useApi(sreControlCenterApiRef);
  const state = useAsyncRetry(() => api.getCosts(entityRef), [api, entityRef]);
  const { retry, value, loading } = state;
  // The backend says when it refreshed the figures (e.g. after a budget alert).
  const { lastSignal } = useSignal<ProjectSignal>(signalChannelFor(entityRef));
  // react-use's `retry` changes identity whenever loading starts or stops:
  // remember which signal was handled, or one signal would reload forever.
  const handled = useRef<ProjectSignal | null>(null);
  useEffect(() => {
    if (lastSignal?.type !== 'costs.changed' || handled.current === lastSignal)
      return;
    handled.current = lastSignal;
    retry();
  }, [lastSignal, retry]);
  const waiting = !value || Boolean(value.lastError);
  const loadedOnce = useRef(false);
  if (!loading) loadedOnce.current = true;
  useEffect(() => {
    if (loading) return undefined;
    const timer = setTimeout(retry, waiting ? COST_RETRY_MS : COST_REFRESH_MS);
    return () => clearTimeout(timer);
  }, [retry, loading, waiting]);
  return {
    value,
    error: state.error,
    // Later reloads keep what is on screen; only the first shows progress.
    loading: loading && !loadedOnce.current,
  };
}
