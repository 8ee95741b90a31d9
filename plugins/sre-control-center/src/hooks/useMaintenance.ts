import { useApi } from '@backstage/core-plugin-api';
import { useSignal } from '@backstage/plugin-signals-react';
import {
  signalChannelFor,
  type ProjectSignal,
} from '@sre-control-center/plugin-sre-control-center-common';
import { useEffect, useRef, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { sreControlCenterApiRef } from '../api';

/** Without signals (push), look again this often. */
export const MAINTENANCE_POLL_MS = 60_000;
/** setTimeout's ceiling; a window ending later is looked at again by then. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * The System's active maintenance windows, kept current: reloaded when the
 * backend signals `maintenance.changed` (a window started or ended anywhere),
 * when the soonest window's end passes, and by polling without signals.
 * `windows` is undefined while loading, after an error, and when the System
 * has no Azure resource group.
 */
export function useMaintenance(entityRef: string) {
  const api = useApi(sreControlCenterApiRef);
  const state = useAsyncRetry(
    () => api.listMaintenance(entityRef),
    [api, entityRef],
  );
  const { retry, value, loading } = state;
  const { lastSignal, isSignalsAvailable } = useSignal<ProjectSignal>(
    signalChannelFor(entityRef),
  );

  // retry changes identity whenever loading flips; reacting to it would
  // reload again and again for one signal.
  const retryRef = useRef(retry);
  retryRef.current = retry;
  useEffect(() => {
    if (lastSignal?.type === 'maintenance.changed') retryRef.current();
  }, [lastSignal]);

  // Azure ends a window on its own: at its end, drop it here and ask again.
  const [now, setNow] = useState(() => Date.now());
  const windows = value?.filter(w => Date.parse(w.endsAt) > now);
  const soonestEnd = windows?.length
    ? Math.min(...windows.map(w => Date.parse(w.endsAt)))
    : undefined;
  useEffect(() => {
    if (soonestEnd === undefined) return undefined;
    const timer = setTimeout(() => {
      setNow(Date.now());
      retry();
    }, Math.min(Math.max(soonestEnd - Date.now(), 0) + 500, MAX_TIMER_MS));
    return () => clearTimeout(timer);
  }, [soonestEnd, retry]);

  useEffect(() => {
    if (isSignalsAvailable || loading) return undefined;
    const timer = setTimeout(retry, MAINTENANCE_POLL_MS);
    return () => clearTimeout(timer);
  }, [isSignalsAvailable, loading, retry]);

  return {
    windows,
    error: state.error,
    loading: loading && value === undefined,
    reload: retry,
  };
}
