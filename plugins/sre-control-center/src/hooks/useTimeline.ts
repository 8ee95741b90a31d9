import { useApi } from '@backstage/core-plugin-api';
import { useCallback } from 'react';
import { sreControlCenterApiRef } from '../api';
import {
  LIVE_REFRESH_MS,
  POLL_WITHOUT_SIGNALS_MS,
  useRefreshTriggers,
} from './useRefreshTriggers';
import { useReloadOnSignal } from './useReloadOnSignal';
import { useReloadable } from './useReloadable';

/**
 * The project's timeline, newest first. Entries come from alerts, runs,
 * issues and maintenance windows, so any of their pushes reloads it;
 * without signals it is polled.
 */
export function useTimeline(entityRef: string) {
  const api = useApi(sreControlCenterApiRef);
  const { value, error, loading, reload } = useReloadable(
    useCallback(() => api.getTimeline(entityRef), [api, entityRef]),
  );
  const live = useReloadOnSignal(
    entityRef,
    ['alert.changed', 'alerts.changed', 'run.changed', 'maintenance.changed'],
    reload,
  );
  useRefreshTriggers(reload, live ? LIVE_REFRESH_MS : POLL_WITHOUT_SIGNALS_MS);
  return {
    entries: value,
    error: value === undefined ? error : undefined,
    loading,
    live,
  };
}
