import { useApi } from '@backstage/core-plugin-api';
import { sreControlCenterApiRef } from '../api';
import { useProjectResource } from './useProjectResource';

/**
 * The project's runbooks. Each lists the open alerts that would trigger it
 * now, so it is reloaded when one of the project's alerts changes.
 */
export function useRunbooks(entityRef: string) {
  const api = useApi(sreControlCenterApiRef);
  const { value, error, loading } = useProjectResource(
    entityRef,
    ref => api.listRunbooks(ref),
    { signalTypes: ['alert.changed', 'alerts.changed'] },
  );
  return {
    runbooks: value,
    // A failed reload keeps the list on screen.
    error: value === undefined ? error : undefined,
    loading,
  };
}
