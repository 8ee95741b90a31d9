import { useApi } from '@backstage/core-plugin-api';
import type { Alert } from '@sre-control-center/plugin-sre-control-center-common';
import { useEffect, useRef } from 'react';
import { sreControlCenterApiRef } from '../api';
import { useProjectResource } from './useProjectResource';

/** An open drawer's history needs no polling: the alert's pushes move it. */
const HISTORY_REFRESH_MS = 5 * 60_000;

/**
 * The history of one alert. Fetched again when the alert's updatedAt moves
 * (a push or the user's own acknowledge), so an open drawer stays current.
 */
export function useAlertHistory(
  alert: Pick<Alert, 'id' | 'entityRef' | 'updatedAt'>,
) {
  const api = useApi(sreControlCenterApiRef);
  const resource = useProjectResource(
    alert.entityRef ?? '',
    () => api.getAlertHistory(alert.id),
    { key: alert.id, intervalMs: () => HISTORY_REFRESH_MS },
  );
  const { reload } = resource;
  const seen = useRef(alert.updatedAt);
  useEffect(() => {
    if (seen.current === alert.updatedAt) return;
    seen.current = alert.updatedAt;
    reload();
  }, [alert.updatedAt, reload]);
  return resource;
}
