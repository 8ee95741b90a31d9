import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { sreControlCenterApiRef } from '../api';

/** The newest alerts of one project. */
export function useAlerts(entityRef: string) {
  const api = useApi(sreControlCenterApiRef);
  return useAsyncRetry(() => api.listAlerts({ entityRef, limit: 50 }), [api, entityRef]);
}
