import type {
  ClaimedDelivery,
  DeliveryHandler,
  DeliveryOutcome,
  HandledDelivery,
  InboxQueue,
} from './ports';

/** Deliveries claimed at once: one transaction's worth. */
export const BATCH_SIZE = 250;
/**
 * How long a claim holds; a replica that died lets its batch go after this.
 * A batch takes well under a second; should one take longer than the lease,
 * another replica may apply it again, which changes nothing (every write is
 * conditional), so the lease is short to make recovery after a crash quick.
 */
export const LEASE_MS = 20_000;
/** Attempts before a delivery is set aside as failed. */
export const MAX_ATTEMPTS = 5;
/**
 * Wait after the n-th failed attempt: 5 s, 15 s, 30 s, 60 s, so the fifth
 * and last attempt comes within about two minutes of the first.
 */
export const RETRY_DELAYS_MS = [5_000, 15_000, 30_000, 60_000];

export interface InboxProcessorOptions {
  queue: InboxQueue;
  handlers: DeliveryHandler[];
  /** Identifies this process's claims. */
  holder: string;
  now?: () => Date;
  /** Told about failures that are not a delivery's (the database is down, say). */
  onError?: (error: unknown) => void;
  /** Told about each delivery set aside as failed after its last attempt. */
  onGivenUp?: (delivery: ClaimedDelivery, error: string) => void;
}

/**
 * Turns the inbox's deliveries into what they say. Runs right after a
 * delivery is accepted (`kick`) and on a schedule (`drain`) to pick up what a
 * crash, a backoff or another replica left behind.
 *
 * Each round claims a batch (a lease replicas respect), hands it to the
 * handler of each source in one go, and settles every delivery: processed,
 * retried later with backoff, or, after {@link MAX_ATTEMPTS}, failed and left
 * alone. When a handler cannot apply a batch at all, each delivery is tried
 * on its own, so one delivery's fault (a stack overflow, a value too long
 * for its column) is recorded on that delivery and holds up nothing else.
 */
export class InboxProcessor {
  private running: Promise<void> | undefined;
  private again = false;
  private readonly bySource = new Map<string, DeliveryHandler>();

  constructor(private readonly options: InboxProcessorOptions) {
    for (const handler of options.handlers) {
      for (const source of handler.sources) this.bySource.set(source, handler);
    }
  }

  /** Starts draining unless a drain is running, in which case it drains once more after. */
  kick(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.loop().finally(() => {
      this.running = undefined;
    });
  }

  /** Processes everything due; resolves when nothing due is left or the queue fails. */
  async drain(): Promise<void> {
    this.kick();
    while (this.running) await this.running;
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      try {
        while (await this.round()) {
          // Claim the next batch until none is due.
        }
      } catch (error) {
        // The queue itself failed; the scheduled drain tries again.
        this.options.onError?.(error);
        return;
      }
    } while (this.again);
  }

  /** One batch; resolves whether there may be more. */
  private async round(): Promise<boolean> {
    const { queue, holder } = this.options;
    const batch = await queue.claim({
      holder,
      limit: BATCH_SIZE,
      leaseMs: LEASE_MS,
      now: this.now(),
    });
    if (batch.length === 0) return false;
    const outcomes: DeliveryOutcome[] = [];
    for (const [source, deliveries] of groupBySource(batch)) {
      const handler = this.bySource.get(source);
      const verdicts = handler
        ? await this.handle(handler, deliveries)
        : deliveries.map(d => ({
            id: d.id,
            ok: true as const,
            note: `no handler for ${source} deliveries`,
          }));
      const byId = new Map(deliveries.map(d => [d.id, d]));
      for (const verdict of verdicts) {
        outcomes.push(this.outcomeOf(byId.get(verdict.id)!, verdict));
      }
    }
    await queue.settle(holder, outcomes, this.now());
    return batch.length === BATCH_SIZE;
  }

  /** The handler's verdicts for every delivery, one by one when the batch as a whole fails. */
  private async handle(
    handler: DeliveryHandler,
    deliveries: ClaimedDelivery[],
  ): Promise<HandledDelivery[]> {
    const whole = await attempt(() => handler.handle(deliveries));
    if (whole.ok) return complete(deliveries, whole.value);
    if (deliveries.length === 1) {
      return [{ id: deliveries[0].id, ok: false, error: whole.error }];
    }
    const verdicts: HandledDelivery[] = [];
    for (const delivery of deliveries) {
      const single = await attempt(() => handler.handle([delivery]));
      verdicts.push(
        ...(single.ok
          ? complete([delivery], single.value)
          : [{ id: delivery.id, ok: false as const, error: single.error }]),
      );
    }
    return verdicts;
  }

  private outcomeOf(
    delivery: ClaimedDelivery,
    verdict: HandledDelivery,
  ): DeliveryOutcome {
    if (verdict.ok) {
      return { id: delivery.id, status: 'processed', error: verdict.note };
    }
    if (delivery.attempts >= MAX_ATTEMPTS) {
      this.options.onGivenUp?.(delivery, verdict.error);
      return { id: delivery.id, status: 'failed', error: verdict.error };
    }
    const delay =
      RETRY_DELAYS_MS[Math.min(delivery.attempts, RETRY_DELAYS_MS.length) - 1];
    return {
      id: delivery.id,
      status: 'retry',
      error: verdict.error,
      nextAttemptAt: new Date(this.now().getTime() + delay),
    };
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }
}

function groupBySource(batch: ClaimedDelivery[]) {
  const groups = new Map<string, ClaimedDelivery[]>();
  for (const delivery of batch) {
    const group = groups.get(delivery.source) ?? [];
    group.push(delivery);
    groups.set(delivery.source, group);
  }
  return groups;
}

/** A handler that forgot a delivery has not processed it: retry it. */
function complete(
  deliveries: ClaimedDelivery[],
  verdicts: HandledDelivery[],
): HandledDelivery[] {
  const claimed = new Set(deliveries.map(d => d.id));
  const seen = new Set(verdicts.map(v => v.id));
  return [
    ...verdicts.filter(v => claimed.has(v.id)),
    ...deliveries
      .filter(d => !seen.has(d.id))
      .map(d => ({
        id: d.id,
        ok: false as const,
        error: 'the handler returned no verdict for this delivery',
      })),
  ];
}

/** Runs `fn`, turning any throw (a stack overflow included) into its message. */
async function attempt<T>(
  fn: () => Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; error: string }> {
  try {
    return { ok: true, value: await fn() };
  } catch (error) {
    return { ok: false, error: describe(error) };
  }
}

function describe(error: unknown): string {
  const message =
    error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  // A stored error is for people; a 10 MB message is not.
  return message.length > 2000 ? `${message.slice(0, 2000)}…` : message;
}
