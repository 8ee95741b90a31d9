import type { SignalsService } from '@backstage/plugin-signals-node';
import {
  signalChannelFor,
  type Alert,
  type AlertSignal,
} from '@internal/plugin-sre-control-center-common';
import type { AlertPublisher } from '../domain/alerts/ports';

/** Pushes alert changes to the project's signal channel (all replicas, through the events bus). */
export class SignalAlertPublisher implements AlertPublisher {
  constructor(private readonly signals: SignalsService) {}

  async alertChanged(alert: Alert): Promise<void> {
    await this.signals.publish<AlertSignal>({
      recipients: { type: 'broadcast' },
      channel: signalChannelFor(alert.entityRef),
      message: { type: 'alert.changed', alert },
    });
  }
}
