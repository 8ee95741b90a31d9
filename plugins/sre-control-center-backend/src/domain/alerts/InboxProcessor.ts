import { applyNotification } from './applyNotification';
import type {
  BudgetNotificationHandler,
  AlertLedger,
  AlertPublisher,
  AlertRepository,
  InboxQueue,
  NotificationDecoder,
  StoredDelivery,
} from './ports';
import type { ProjectResolver } from '../projects';
import { resourceGroupIdOf } from './resourceIds';

const BATCH = 50;
/**
 * How long a delivery whose resource group no System claims is retried
 * before it is set aside: the catalog may simply not have caught up yet
 * (a fresh start, a System registered minutes after its first alert).
 */
export const UNMATCHED_GRACE_MS = 15 * 60_000;

export interface InboxProcessorOptions {
  queue: InboxQueue;
  alerts: AlertRepository;
  ledger: AlertLedger;
  projects: ProjectResolver;
  publisher: AlertPublisher;
  decode: NotificationDecoder;
  /** Budget notifications (Cost Management through the action group). */
  budgets?: BudgetNotificationHandler;
  now?: () => Date;
  onError?: (error: unknown) => void;
}

/**
 * Turns Azure Monitor deliveries waiting in the inbox into alerts. Runs right
 * after a delivery is accepted (`kick`) and on a schedule (`drain`) to pick up
 * whatever a crash or restart left behind. Applying a delivery twice is
 * harmless: `applyNotification` ignores what is already known.
 */
export class InboxProcessor {
  private running: Promise<void> | undefined;
  private again = false;

  constructor(private readonly options: InboxProcessorOptions) {}

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

  /** Processes everything pending; resolves when the inbox is empty or a delivery fails unexpectedly. */
  async drain(): Promise<void> {
    this.kick();
    while (this.running) await this.running;
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      try {
        await this.processPending();
      } catch (error) {
        // Left unprocessed; the scheduled drain retries it.
        this.options.onError?.(error);
        return;
      }
    } while (this.again);
  }

  private async processPending(): Promise<void> {
    // Walk forward by id: deliveries left pending for later must not be re-read in this drain.
    let afterId: string | undefined;
    for (;;) {
      const batch = await this.options.queue.pending(
        'azure-monitor',
        BATCH,
        afterId,
      );
      for (const delivery of batch) {
        await this.process(delivery);
        afterId = delivery.id;
      }
      if (batch.length < BATCH) return;
    }
  }

  private async process(delivery: StoredDelivery): Promise<void> {
    const { ledger, decode, projects, alerts, publisher } = this.options;
    const now = this.options.now?.() ?? new Date();
    let body: unknown;
    try {
      body = JSON.parse(delivery.body);
    } catch {
      await ledger.record({
        deliveryId: delivery.id,
        events: [],
        error: 'body is not JSON',
      });
      return;
    }
    const decoded = decode(delivery.kind, body);
    if (!decoded.ok) {
      await ledger.record({
        deliveryId: delivery.id,
        events: [],
        error: decoded.error,
      });
      return;
    }
    if ('budgetName' in decoded) {
      const error = this.options.budgets
        ? await this.options.budgets.budgetCrossed(decoded.budgetName)
        : 'budget notification: cost tracking is not wired';
      await ledger.record({ deliveryId: delivery.id, events: [], error });
      return;
    }
    const notification = decoded.notification;
    const resourceGroup = notification.targetResourceIds
      .map(resourceGroupIdOf)
      .find(Boolean);
    const entityRef = resourceGroup
      ? await projects.projectForResourceGroup(resourceGroup)
      : undefined;
    if (!entityRef) {
      const young =
        now.getTime() - delivery.receivedAt.getTime() < UNMATCHED_GRACE_MS;
      await ledger.record({
        deliveryId: delivery.id,
        events: [],
        error: resourceGroup
          ? `no catalog System has the annotation sre-control-center/azure-resource-group=${resourceGroup}`
          : 'the alert names no target resource in a resource group',
        retryLater: Boolean(resourceGroup) && young,
      });
      return;
    }
    const existing = await alerts.get(notification.alertId);
    const outcome = applyNotification(existing, notification, entityRef, now);
    await ledger.record({
      deliveryId: delivery.id,
      alert: outcome.changed ? outcome.alert : undefined,
      events: outcome.events,
    });
    if (outcome.changed) {
      await publisher.alertChanged(outcome.alert);
    }
  }
}
