import type { Alert } from '@sre-control-center/plugin-sre-control-center-common';
import type {
  ClaimedDelivery,
  DeliveryHandler,
  HandledDelivery,
} from '../inbox/ports';
import { applyNotification } from './applyNotification';
import type {
  AlertChangeListener,
  AlertLedger,
  AlertRepository,
  AlertWrite,
  BudgetNotificationHandler,
  DecodedDelivery,
} from './ports';
import type { AlertRouter } from './AlertRouter';
import type { AlertDestination, AlertNotification } from './types';
import { writeAlerts } from './writeAlerts';

/** Decodes a stored delivery body (raw text) of a given kind. */
export type DeliveryDecoder = (
  kind: string,
  body: string,
  context: { receivedAt: Date },
) => DecodedDelivery;

export interface AlertIntakeOptions {
  alerts: AlertRepository;
  ledger: AlertLedger;
  router: AlertRouter;
  decode: DeliveryDecoder;
  /** Budget notifications (Cost Management through the action group). */
  budgets: BudgetNotificationHandler;
  /** Told once the batch's alert changes are stored. */
  listener: AlertChangeListener;
  now?: () => Date;
}

interface Routed {
  notification: AlertNotification;
  destination: AlertDestination;
}

/**
 * Turns a batch of alert deliveries (Azure Monitor, Alertmanager) into
 * alert changes, stored in one transaction: every notification of the batch
 * is folded into its alert, in delivery order, so a storm of 250 deliveries
 * costs a handful of statements, not a few per alert.
 *
 * An alert no System claims is stored unrouted, never dropped. A delivery
 * whose body cannot be read gets an error verdict (retried, then set aside
 * by the processor); the others of the batch go ahead.
 */
export class AlertIntake implements DeliveryHandler {
  readonly sources = ['azure-monitor', 'alertmanager'] as const;

  constructor(private readonly options: AlertIntakeOptions) {}

  async handle(deliveries: ClaimedDelivery[]): Promise<HandledDelivery[]> {
    const verdicts: HandledDelivery[] = [];
    const routed: Routed[] = [];
    for (const delivery of deliveries) {
      const decoded = this.options.decode(delivery.kind, delivery.body, {
        receivedAt: delivery.receivedAt,
      });
      if (!decoded.ok) {
        verdicts.push({ id: delivery.id, ok: false, error: decoded.error });
      } else if ('budgetName' in decoded) {
        const error = await this.options.budgets.budgetCrossed(
          decoded.budgetName,
        );
        verdicts.push(
          error
            ? { id: delivery.id, ok: false, error }
            : { id: delivery.id, ok: true },
        );
      } else {
        for (const notification of decoded.notifications) {
          routed.push({
            notification,
            destination: await this.options.router.destinationOf(
              notification,
              delivery.entityRef,
            ),
          });
        }
        verdicts.push({ id: delivery.id, ok: true });
      }
    }
    if (routed.length > 0) {
      const applied = await this.apply(routed);
      await this.options.listener.alertsChanged(applied.map(w => w.after));
    }
    return verdicts;
  }

  private apply(routed: Routed[]): Promise<AlertWrite[]> {
    const byAlert = new Map<string, Routed[]>();
    for (const item of routed) {
      const list = byAlert.get(item.notification.alertId) ?? [];
      list.push(item);
      byAlert.set(item.notification.alertId, list);
    }
    const now = this.options.now?.() ?? new Date();
    return writeAlerts(this.options, [...byAlert.keys()], (current, ids) =>
      ids.flatMap(id => {
        const before = current.get(id);
        let alert: Alert | undefined = before;
        const events: AlertWrite['events'] = [];
        for (const { notification, destination } of byAlert.get(id)!) {
          const outcome = applyNotification(
            alert,
            notification,
            destination,
            now,
          );
          if (outcome.changed) {
            alert = outcome.alert;
            events.push(...outcome.events);
          }
        }
        return alert && alert !== before
          ? [{ before, after: alert, events }]
          : [];
      }),
    );
  }
}
