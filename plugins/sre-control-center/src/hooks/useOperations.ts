import { useApi } from '@backstage/core-plugin-api';
import {
  OPERATIONS_SIGNAL_CHANNEL,
  type DeliveryStatus,
} from '@sre-control-center/plugin-sre-control-center-common';
import { sreControlCenterApiRef } from '../api';
import { useProjectResource } from './useProjectResource';

/** Items per list on the operators' page (the API's maximum). */
export const OPERATIONS_PAGE_SIZE = 200;

/** The operators' lists are not about one project: they listen on the operations channel. */
const OPERATIONS = {
  channel: OPERATIONS_SIGNAL_CHANNEL,
  signalTypes: ['operations.changed'],
} as const;

/**
 * Alerts no System claims (`GET /alerts?unrouted=true`), kept current by
 * `operations.changed` on the operators' channel and the shared triggers.
 */
export function useUnroutedAlerts() {
  const api = useApi(sreControlCenterApiRef);
  return useProjectResource(
    '',
    () => api.listUnroutedAlerts({ limit: OPERATIONS_PAGE_SIZE }),
    OPERATIONS,
  );
}

/** Webhook deliveries of one status (`GET /deliveries?status=`), kept current like the unrouted alerts. */
export function useDeliveries(status: DeliveryStatus) {
  const api = useApi(sreControlCenterApiRef);
  return useProjectResource(
    '',
    () => api.listDeliveries({ status, limit: OPERATIONS_PAGE_SIZE }),
    { ...OPERATIONS, key: status },
  );
}
