import type { SignalsService } from '@backstage/plugin-signals-node';
import {
  signalChannelFor,
  type Alert,
  type ProjectSignal,
} from '@internal/plugin-sre-control-center-common';
import type { AlertPublisher } from '../domain/alerts/ports';
import type { CostPublisher } from '../domain/costs/CostRefresher';

/**
 * Pushes project changes to the project's signal channel; across replicas
 * through the events bus.
 */
export class SignalProjectPublisher implements AlertPublisher, CostPublisher {
  constructor(private readonly signals: SignalsService) {}

  alertChanged(alert: Alert): Promise<void> {
    return this.publish(alert.entityRef, { type: 'alert.changed', alert });
  }

  costsChanged(entityRef: string): Promise<void> {
    return this.publish(entityRef, { type: 'costs.changed', entityRef });
  }

  private async publish(
    entityRef: string,
    message: ProjectSignal,
  ): Promise<void> {
    await this.signals.publish<ProjectSignal>({
      recipients: { type: 'broadcast' },
      channel: signalChannelFor(entityRef),
      message,
    });
  }
}
