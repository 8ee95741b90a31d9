import type { SignalsService } from '@backstage/plugin-signals-node';
import {
  OPERATIONS_SIGNAL_CHANNEL,
  signalChannelFor,
  type Alert,
  type OperationsSignal,
  type ProjectSignal,
} from '@sre-control-center/plugin-sre-control-center-common';
import type { Deployment } from '@sre-control-center/plugin-sre-control-center-common';
import type { AlertPublisher } from '../domain/alerts/ports';
import type { CostPublisher } from '../domain/costs/CostRefresher';
import type { DeploymentPublisher } from '../domain/deployments';
import type { IssuePublisher } from '../domain/issues/ports';
import type { EscalationPublisher } from '../domain/escalation';
import type { StackPublisher } from '../domain/stack/ports';
import type { MaintenancePublisher } from '../domain/maintenance/ports';
import type { RunPublisher, RunRecord } from '../domain/runbooks';

/** Alerts per message: a storm's batch is a few messages per System, each of bounded size. */
export const ALERTS_PER_SIGNAL = 100;

/**
 * Pushes project changes to the project's signal channel; across replicas
 * through the events bus.
 */
export class SignalProjectPublisher
  implements
    AlertPublisher,
    CostPublisher,
    MaintenancePublisher,
    RunPublisher,
    StackPublisher,
    DeploymentPublisher,
    IssuePublisher,
    EscalationPublisher
{
  constructor(private readonly signals: SignalsService) {}

  /** One message per System (and per {@link ALERTS_PER_SIGNAL} alerts), not one per alert. */
  async alertsChanged(alerts: Alert[]): Promise<void> {
    const bySystem = new Map<string, Alert[]>();
    let unrouted = false;
    for (const alert of alerts) {
      if (!alert.entityRef) {
        unrouted = true;
        continue;
      }
      const list = bySystem.get(alert.entityRef) ?? [];
      list.push(alert);
      bySystem.set(alert.entityRef, list);
    }
    for (const [entityRef, list] of bySystem) {
      for (let i = 0; i < list.length; i += ALERTS_PER_SIGNAL) {
        await this.publish(entityRef, {
          type: 'alerts.changed',
          entityRef,
          alerts: list.slice(i, i + ALERTS_PER_SIGNAL),
        });
      }
    }
    if (unrouted) await this.operationsChanged();
  }

  /** The operators' page: unrouted alerts or failed deliveries changed. */
  async operationsChanged(): Promise<void> {
    await this.signals.publish<OperationsSignal>({
      recipients: { type: 'broadcast' },
      channel: OPERATIONS_SIGNAL_CHANNEL,
      message: { type: 'operations.changed' },
    });
  }

  costsChanged(entityRef: string): Promise<void> {
    return this.publish(entityRef, { type: 'costs.changed', entityRef });
  }

  maintenanceChanged(entityRef: string): Promise<void> {
    return this.publish(entityRef, { type: 'maintenance.changed', entityRef });
  }

  stackChanged(entityRef: string): Promise<void> {
    return this.publish(entityRef, { type: 'stack.changed', entityRef });
  }

  deploymentChanged(deployment: Deployment): Promise<void> {
    return this.publish(deployment.entityRef, {
      type: 'deployment.changed',
      deployment,
    });
  }

  issuesChanged(entityRef: string): Promise<void> {
    return this.publish(entityRef, { type: 'issues.changed', entityRef });
  }

  escalationChanged(entityRef: string, escalationId: string): Promise<void> {
    return this.publish(entityRef, {
      type: 'escalations.changed',
      entityRef,
      escalationId,
    });
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
