import type { SignalsService } from '@backstage/plugin-signals-node';
import {
  signalChannelFor,
  type Alert,
  type ProjectSignal,
} from '@sre-control-center/plugin-sre-control-center-common';
import type { AlertPublisher } from '../domain/alerts/ports';
import type { CostPublisher } from '../domain/costs/CostRefresher';
import type { MaintenancePublisher } from '../domain/maintenance/ports';
import type { RunPublisher, RunRecord } from '../domain/runbooks';

/**
 * Pushes project changes to the project's signal channel; across replicas
 * through the events bus.
 */
export class SignalProjectPublisher
  implements AlertPublisher, CostPublisher, MaintenancePublisher, RunPublisher
{
  constructor(private readonly signals: SignalsService) {}

  alertChanged(alert: Alert): Promise<void> {
    return this.publish(alert.entityRef, { type: 'alert.changed', alert });
  }

  costsChanged(entityRef: string): Promise<void> {
    return this.publish(entityRef, { type: 'costs.changed', entityRef });
  }

  maintenanceChanged(entityRef: string): Promise<void> {
    return this.publish(entityRef, { type: 'maintenance.changed', entityRef });
  }

  runChanged(record: RunRecord): Promise<void> {
    // The stored actions are the runbook's; browsers read those from /runbooks.
    const { actions: _actions, ...run } = record;
    return this.publish(run.entityRef, { type: 'run.changed', run });
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
