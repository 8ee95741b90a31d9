import { useApi } from '@backstage/core-plugin-api';
import { sreControlCenterApiRef } from '../api';
import { useProjectResource } from './useProjectResource';

/**
 * The project's timeline, newest first. Entries come from alerts, runs,
 * maintenance windows and deployments, so any of their pushes reloads it.
 */
export function useTimeline(entityRef: string) {
  const api = useApi(sreControlCenterApiRef);
  const { value, error, loading, live } = useProjectResource(
    entityRef,
    ref => api.getTimeline(ref),
    {
      signalTypes: [
        'alert.changed',
        'alerts.changed',
        'run.changed',
        'maintenance.changed',
        'deployment.changed',
        'issues.changed',
        'escalations.changed',
      ],
    },
  );
  return {
    entries: value,
    error: value === undefined ? error : undefined,
    loading,
    live,
  };
}
