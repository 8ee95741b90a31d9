import type { Alert } from '@sre-control-center/plugin-sre-control-center-common';
import {
  ConflictError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import type {
  AlertPublisher,
  AlertRepository,
  AlertSource,
  AlertStateLedger,
} from './ports';
import { isAzureAlertId } from './resourceIds';
import { checkTransition, type RequestedState } from './stateTransitions';

export interface AlertCommandsOptions {
  alerts: AlertRepository;
  source: AlertSource;
  ledger: AlertStateLedger;
  publisher: AlertPublisher;
  now?: () => Date;
}

/**
 * Acknowledge and close, as a person does them from the portal. Azure is
 * changed first: when it refuses, nothing changes here, so the portal never
 * shows a state Azure does not have. Alerts that are not Azure's
 * (Alertmanager, unrecognized webhook payloads) change here only.
 */
export class AlertCommands {
  constructor(private readonly options: AlertCommandsOptions) {}

  async changeState(
    alertId: string,
    target: RequestedState,
    actor: string,
    comment?: string,
  ): Promise<{ alert: Alert; changed: boolean }> {
    const { alerts, source, ledger, publisher } = this.options;
    const alert = await alerts.get(alertId);
    if (!alert) throw new NotFoundError(`No alert with id ${alertId}`);
    const check = checkTransition(alert.state, target);
    if (check.kind === 'conflict') throw new ConflictError(check.reason);
    if (check.kind === 'noop') return { alert, changed: false };

    const inAzure = isAzureAlertId(alert.id);
    if (inAzure) {
      try {
        await source.changeState(alert.id, target);
      } catch (error) {
        throw new ServiceUnavailableError(
          `Azure did not accept the change to ${target}: ${
            (error as Error).message
          }`,
        );
      }
    }
    const at = this.options.now?.() ?? new Date();
    const updated: Alert = {
      ...alert,
      state: target,
      updatedAt: at.toISOString(),
    };
    await ledger.recordStateChange({
      alert: updated,
      event: {
        alertId: alert.id,
        type: target === 'Acknowledged' ? 'acknowledged' : 'closed',
        actor,
        at,
        details: comment ? { comment } : null,
      },
      audit: {
        entityRef: alert.entityRef,
        actor,
        action: target === 'Acknowledged' ? 'alert.acknowledge' : 'alert.close',
        target: alert.id,
        at,
        details: {
          from: alert.state,
          to: target,
          ...(comment ? { comment } : {}),
          ...(inAzure ? {} : { localOnly: true }),
        },
      },
    });
    await publisher.alertChanged(updated);
    return { alert: updated, changed: true };
  }
}
