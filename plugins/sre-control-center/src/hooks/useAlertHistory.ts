import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { sreControlCenterApiRef } from '../api';

/**
 * The history of one alert. Fetched again when the alert's updatedAt moves
 * (a push or the user's own acknowledge), so an open drawer stays current.
 */
export function useAlertHistory(alertId: string, updatedAt: string) {
  const api = useApi(sreControlCenterApiRef);
  return useAsync(
    () => api.getAlertHistory(alertId),
    // updatedAt only triggers the reload; the request does not need it.
    [api, alertId, updatedAt],
  );
}
