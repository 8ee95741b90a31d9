import type {
  Alert,
  AlertSeverity,
  AlertState,
} from '@internal/plugin-sre-control-center-common';

/** Position after the last alert of a page (newest first). */
export interface AlertCursor {
  firedAt: string;
  id: string;
}

export interface AlertListFilter {
  entityRef: string;
  state?: AlertState;
  severity?: AlertSeverity;
  limit: number;
  after?: AlertCursor;
}

/** Where alerts are kept. */
export interface AlertRepository {
  list(filter: AlertListFilter): Promise<{ items: Alert[]; next: AlertCursor | null }>;
  get(id: string): Promise<Alert | undefined>;
}

/** A raw webhook delivery, kept before it is acknowledged. */
export interface InboxDelivery {
  source: 'azure-monitor' | 'github';
  kind: string;
  deliveryKey: string | null;
  body: string;
  receivedAt: Date;
}

export interface Inbox {
  /** Stores the delivery durably and returns its inbox id. */
  add(delivery: InboxDelivery): Promise<string>;
}
