import type { Alert } from '@sre-control-center/plugin-sre-control-center-common';
import { applyNotification } from './applyNotification';
import type {
  BudgetNotificationHandler,
  InboxDelivery,
  AlertLedger,
  AlertPublisher,
  AlertRepository,
  InboxQueue,
  NotificationDecoder,
  StoredDelivery,
} from './ports';
import type { ProjectResolver } from '../projects';
import { resourceGroupIdOf } from './resourceIds';
import type { AlertEvent, AlertNotification } from './types';

const BATCH = 50;
/** Inbox sources whose deliveries carry alerts; GitHub's are not alerts. */
const ALERT_SOURCES: ReadonlyArray<InboxDelivery['source']> = [
  'azure-monitor',
  'alertmanager',
];
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
 * Turns alert deliveries waiting in the inbox (Azure Monitor, Alertmanager,
 * unrecognized payloads) into alerts. Runs right after a delivery is accepted
 * (`kick`) and on a schedule (`drain`) to pick up whatever a crash or restart
 * left behind. Applying a delivery twice is harmless: `applyNotification`
 * ignores what is already known.
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
    for (const source of ALERT_SOURCES) {
      // Walk forward by id: deliveries left pending for later must not be re-read in this drain.
      let afterId: string | undefined;
      for (;;) {
        const batch = await this.options.queue.pending(source, BATCH, afterId);
        for (const delivery of batch) {
          await this.process(delivery);
          afterId = delivery.id;
        }
        if (batch.length < BATCH) break;
      }
    }
  }

  private async process(delivery: StoredDelivery): Promise<void> {
    const { ledger, decode } = this.options;
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
    const decoded = decode(delivery.kind, body, {
      receivedAt: delivery.receivedAt,
    });
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
    await this.apply(delivery, decoded.notifications, now);
  }

  /**
   * Applies every alert of a delivery (Alertmanager groups several). They are
   * saved one by one, the last together with the delivery's mark: a crash in
   * between leaves the delivery pending, and applying again what was already
   * saved changes nothing.
   */
  private async apply(
    delivery: StoredDelivery,
    notifications: AlertNotification[],
    now: Date,
  ): Promise<void> {
    const { ledger, alerts, publisher } = this.options;
    const changed = new Map<string, { alert: Alert; events: AlertEvent[] }>();
    const problems: string[] = [];
    let worthRetrying = false;
    for (const notification of notifications) {
      const match = await this.projectOf(notification, delivery.entityRef);
      if ('error' in match) {
        problems.push(match.error);
        worthRetrying ||= match.retry;
        continue;
      }
      const id = notification.alertId;
      const before = changed.get(id);
      const existing = before?.alert ?? (await alerts.get(id));
      const outcome = applyNotification(
        existing,
        notification,
        match.entityRef,
        now,
      );
      if (outcome.changed) {
        changed.set(id, {
          alert: outcome.alert,
          events: [...(before?.events ?? []), ...outcome.events],
        });
      }
    }

    const young =
      now.getTime() - delivery.receivedAt.getTime() < UNMATCHED_GRACE_MS;
    const mark = {
      deliveryId: delivery.id,
      error:
        problems.length > 0 ? [...new Set(problems)].join('; ') : undefined,
      retryLater: worthRetrying && young,
    };
    const results = [...changed.values()];
    if (results.length === 0) {
      await ledger.record({ ...mark, events: [] });
      return;
    }
    for (const [i, { alert, events }] of results.entries()) {
      const last = i === results.length - 1;
      await ledger.record(
        last ? { ...mark, alert, events } : { alert, events },
      );
    }
    for (const { alert } of results) {
      await publisher.alertChanged(alert);
    }
  }

  /**
   * The System an alert belongs to: the one the payload names (an
   * Alertmanager label), else the one named on the webhook URL, else the one
   * whose resource group holds the alert's target.
   */
  private async projectOf(
    notification: AlertNotification,
    namedOnUrl: string | null,
  ): Promise<{ entityRef: string } | { error: string; retry: boolean }> {
    const named = notification.entityRef ?? namedOnUrl;
    if (named) return { entityRef: named };
    const resourceGroup = notification.targetResourceIds
      .map(resourceGroupIdOf)
      .find(Boolean);
    const entityRef = resourceGroup
      ? await this.options.projects.projectForResourceGroup(resourceGroup)
      : undefined;
    if (entityRef) return { entityRef };
    return resourceGroup
      ? {
          // The catalog may simply not have caught up yet.
          error: `${notification.rule}: no catalog System has the annotation sre-control-center/azure-resource-group=${resourceGroup}`,
          retry: true,
        }
      : {
          error: `${notification.rule}: the alert names no target resource in a resource group, and the webhook URL has no ?entityRef= naming its System`,
          retry: false,
        };
  }
}
