import type {
  DeliveryStatus,
  InboxDeliverySummary,
} from '@sre-control-center/plugin-sre-control-center-common';

/** Webhooks whose deliveries the inbox keeps. */
export type InboxSource = 'azure-monitor' | 'alertmanager' | 'github';

/** A raw webhook delivery, kept before it is acknowledged. */
export interface InboxDelivery {
  source: InboxSource;
  kind: string;
  /** The provider's delivery id (GitHub's X-GitHub-Delivery): a replay is the same delivery. */
  deliveryKey: string | null;
  body: string;
  receivedAt: Date;
  /** The System named on the webhook URL (`?entityRef=`), lower-cased. */
  entityRef?: string | null;
  /**
   * Why the delivery was refused (422): it is kept, marked refused with this
   * error, for inspection only; it is never processed.
   */
  refused?: string;
}

/** Where webhook routes put what they accept. */
export interface Inbox {
  /**
   * Stores the delivery durably. A delivery whose key was stored before
   * (a replay) is not stored again: `duplicate` says so, `id` is the first's.
   */
  add(delivery: InboxDelivery): Promise<{ id: string; duplicate: boolean }>;
}

/** A delivery claimed for processing; `attempts` counts this one. */
export interface ClaimedDelivery {
  id: string;
  source: InboxSource;
  kind: string;
  body: string;
  receivedAt: Date;
  entityRef: string | null;
  attempts: number;
}

/** What became of a claimed delivery. */
export type DeliveryOutcome =
  | { id: string; status: 'processed'; error?: string }
  | { id: string; status: 'retry'; error: string; nextAttemptAt: Date }
  | { id: string; status: 'failed'; error: string };

/** The processing side of the inbox. */
export interface InboxQueue {
  /**
   * Claims up to `limit` deliveries that are due (pending, next attempt
   * reached, no live lease of another holder), oldest first, and counts an
   * attempt on each: a delivery that crashes the process still runs out of
   * attempts. Replicas claim disjoint sets.
   */
  claim(options: {
    holder: string;
    limit: number;
    leaseMs: number;
    now: Date;
  }): Promise<ClaimedDelivery[]>;
  /** Records outcomes of deliveries this holder claimed (others' are left alone). */
  settle(holder: string, outcomes: DeliveryOutcome[], now: Date): Promise<void>;
}

/** The operators' view of the inbox. */
export interface DeliveryRegistry {
  list(query: {
    status: DeliveryStatus;
    limit: number;
    afterId?: string;
  }): Promise<{ items: InboxDeliverySummary[]; nextCursor: string | null }>;
  /** Makes a failed or pending delivery due now with fresh attempts; false when there is none. */
  retry(id: string, now: Date): Promise<InboxDeliverySummary | undefined>;
  /** Deletes deliveries received before `before` that are no longer pending; returns how many. */
  prune(before: Date): Promise<number>;
}

/**
 * Processes a batch of claimed deliveries of the sources it handles. It
 * resolves an outcome for each delivery it could judge; throwing means the
 * batch as a whole could not be applied, and the processor then gives each
 * delivery a batch of its own, so one bad delivery cannot stop the others.
 */
export interface DeliveryHandler {
  readonly sources: ReadonlyArray<InboxSource>;
  handle(deliveries: ClaimedDelivery[]): Promise<HandledDelivery[]>;
}

/** A handler's verdict on one delivery: done (maybe with a note), or an error worth retrying. */
export type HandledDelivery =
  | { id: string; ok: true; note?: string }
  | { id: string; ok: false; error: string };
