import { createApiRef } from '@backstage/core-plugin-api';
import type {
  Alert,
  CostSummary,
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

/** Answer of acknowledge/close: the alert after the change, and whether anything changed. */
export interface AlertChangeResult {
  alert: Alert;
  changed: boolean;
}

/** The SRE Control Center backend, as the frontend sees it. */
export interface SreControlCenterApi {
  health(): Promise<HealthResponse>;
  listAlerts(request: ListAlertsRequest): Promise<Page<Alert>>;
  /** Acknowledges the alert in Azure and here. */
  acknowledgeAlert(id: string, comment?: string): Promise<AlertChangeResult>;
  /** Closes the alert in Azure and here. */
  closeAlert(id: string, comment?: string): Promise<AlertChangeResult>;
  /** This month's cost against the budget; undefined until the first refresh. */
  getCosts(entityRef: string): Promise<CostSummary | undefined>;
}

export const sreControlCenterApiRef = createApiRef<SreControlCenterApi>({
  id: 'plugin.sre-control-center.client',
});
