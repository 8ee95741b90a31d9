import { useApi } from '@backstage/core-plugin-api';
import { sreControlCenterApiRef } from '../api';
import { useProjectResource } from './useProjectResource';

/** Until there are figures (or while they are stale) look again this often. */
export const COST_RETRY_MS = 15_000;
/** Cost Management itself updates a few times a day. */
export const COST_REFRESH_MS = 5 * 60_000;
/** The backend's `costs.changed` is one message, not a burst. */
const COST_SIGNAL_DELAY_MS = 100;

/**
 * This month's cost summary of one project (undefined until the backend's
 * first refresh). Reloaded when the backend says it refreshed the figures
 * (`costs.changed`, e.g. after a budget alert).
 */
export function useCosts(entityRef: string) {
  const api = useApi(sreControlCenterApiRef);
  const { value, error, loading } = useProjectResource(
    entityRef,
    ref => api.getCosts(ref),
    {
      signalTypes: ['costs.changed'],
      signalDelayMs: COST_SIGNAL_DELAY_MS,
      intervalMs: costs =>
        !costs || costs.lastError ? COST_RETRY_MS : COST_REFRESH_MS,
    },
  );
  // Later reloads keep what is on screen; only the first shows progress.
  return { value, error, loading };
}
