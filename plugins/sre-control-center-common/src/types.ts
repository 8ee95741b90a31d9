/** Answer of `GET /health`. */
export interface HealthResponse {
  status: 'ok';
}

/** Severity as Azure Monitor names it (Sev0 is the most severe). */
export type AlertSeverity = 'Sev0' | 'Sev1' | 'Sev2' | 'Sev3' | 'Sev4';

/** Azure Alerts Management states, which the Control Center mirrors. */
export type AlertState = 'New' | 'Acknowledged' | 'Closed';

/** Whether the monitor condition still holds, as Azure reports it. */
export type MonitorCondition = 'Fired' | 'Resolved';

/**
 * One alert as the Control Center API returns it. A type alias rather than an
 * interface so that it is assignable to JsonObject (signal payloads).
 */
export type Alert = {
  /** The Azure alert id, lower-cased. */
  id: string;
  entityRef: string;
  name: string;
  severity: AlertSeverity;
  state: AlertState;
  monitorCondition: MonitorCondition;
  /** ARM id of the resource the alert fired on. */
  targetResourceId: string | null;
  description: string | null;
  firedAt: string;
  resolvedAt: string | null;
  updatedAt: string;
};

/** A page of a cursor-paginated list, newest first. */
export interface Page<T> {
  items: T[];
  /** Pass as `cursor` to get the next page; null on the last page. */
  nextCursor: string | null;
}

/** Message on a project's signal channel when one of its alerts changes. */
export type AlertSignal = {
  type: 'alert.changed';
  alert: Alert;
};

/** One entry of the append-only audit trail (`GET /audit`). */
export type AuditLogEntry = {
  id: string;
  entityRef: string;
  actor: string;
  action: string;
  target: string | null;
  at: string;
  details: Record<string, unknown> | null;
};

/** A budget threshold (percent of the budget) and whether spend has crossed it. */
export type BudgetThreshold = {
  percent: number;
  /** Actual: month-to-date spend; Forecasted: the month's forecast. */
  basis: 'Actual' | 'Forecasted';
  crossed: boolean;
};

/** Month-to-date cost of a project against its budget (`GET /costs`). */
export type CostSummary = {
  entityRef: string;
  currency: string;
  /** First and last day of the month, yyyy-mm-dd. */
  period: { from: string; to: string };
  monthToDate: number;
  /** Month-to-date plus Azure's forecast for the rest of the month. */
  forecast: number;
  budget: {
    name: string;
    amount: number;
    /** Month-to-date as a percentage of the budget. */
    percentUsed: number;
    forecastPercent: number;
    thresholds: BudgetThreshold[];
  } | null;
  byService: Array<{ name: string; cost: number }>;
  byResource: Array<{ resourceId: string; name: string; cost: number }>;
  daily: Array<{ date: string; cost: number }>;
  refreshedAt: string;
  /** Set when the last refresh failed; the figures are from refreshedAt. */
  lastError: string | null;
};

/** Message on a project's signal channel when its cost figures were refreshed. */
export type CostsSignal = {
  type: 'costs.changed';
  entityRef: string;
};

/** Anything the backend pushes on a project's signal channel. */
export type ProjectSignal = AlertSignal | CostsSignal;
