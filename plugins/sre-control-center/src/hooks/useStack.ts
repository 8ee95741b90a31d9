import { useApi } from '@backstage/core-plugin-api';
import { sreControlCenterApiRef } from '../api';
import { useProjectResource } from './useProjectResource';

/** Until the first snapshot exists, look again this often. */
export const STACK_RETRY_MS = 15_000;
/** The backend refreshes snapshots every 2 minutes and signals each one. */
export const STACK_REFRESH_MS = 2 * 60_000;

/**
 * The System's stack snapshot (`GET /stack`): reloaded when the backend
 * signals `stack.changed` (it refreshed the snapshot from Azure), and on the
 * shared triggers. Undefined until the backend's first refresh.
 */
export function useStack(entityRef: string) {
  const api = useApi(sreControlCenterApiRef);
  const { value, error, loading } = useProjectResource(
    entityRef,
    ref => api.getStack(ref),
    {
      signalTypes: ['stack.changed'],
      signalDelayMs: 100,
      intervalMs: (snapshot, live) => {
        if (!snapshot) return STACK_RETRY_MS;
        return live ? STACK_REFRESH_MS : STACK_REFRESH_MS / 2;
      },
    },
  );
  return { snapshot: value, error, loading };
}
