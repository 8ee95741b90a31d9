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
 * The project's runbooks. Each lists the open alerts that would trigger it
 * now, so it is reloaded when one of the project's alerts changes (or
 * polled without signals).
 */
export function useRunbooks(entityRef: string) {
  const api = useApi(sreControlCenterApiRef);
  const { value, error, loading, reload } = useReloadable(
    useCallback(() => api.listRunbooks(entityRef), [api, entityRef]),
  );
  const live = useReloadOnSignal(
    entityRef,
    ['alert.changed', 'alerts.changed'],
    reload,
  );
  useRefreshTriggers(reload, live ? LIVE_REFRESH_MS : POLL_WITHOUT_SIGNALS_MS);
  return {
    runbooks: value,
    // A failed reload keeps the list on screen.
    error: value === undefined ? error : undefined,
    loading,
  };
}
