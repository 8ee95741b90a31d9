import { createApiRef } from '@backstage/core-plugin-api';
import type {
  Alert,
  AlertSeverity,
  AlertState,
  HealthResponse,
  Page,
} from '@internal/plugin-sre-control-center-common';

export interface ListAlertsRequest {
  entityRef: string;
  state?: AlertState;
  severity?: AlertSeverity;
  limit?: number;
  cursor?: string;
}

/** The SRE Control Center backend, as the frontend sees it. */
export interface SreControlCenterApi {
  health(): Promise<HealthResponse>;
  listAlerts(request: ListAlertsRequest): Promise<Page<Alert>>;
}

export const sreControlCenterApiRef = createApiRef<SreControlCenterApi>({
  id: 'plugin.sre-control-center.client',
});
