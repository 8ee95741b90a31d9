import type { Alert } from '@sre-control-center/plugin-sre-control-center-common';
import {
  ConflictError,
  NotAllowedError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import type { AuditEntry, AuditMirror } from '../audit';
import { findProject, type ProjectResolver } from '../projects';
import { parseAzureAlertId } from './alertIds';
import type {
  AlertChangeListener,
  AlertLedger,
  AlertRepository,
  AlertSource,
} from './ports';
import { subscriptionOf } from './resourceIds';
import { checkTransition, type RequestedState } from './stateTransitions';
import { writeAlerts } from './writeAlerts';

export interface AlertCommandsOptions {
  alerts: AlertRepository;
  ledger: AlertLedger;
  source: AlertSource;
  projects: ProjectResolver;
  listener: AlertChangeListener;
  mirror: AuditMirror;
  now?: () => Date;
}

/**
 * Acknowledge and close, as a person (or the on-call phone) does them.
 * Azure is changed first: when it refuses, nothing changes here, so the
 * portal never shows a state Azure does not have. Alerts that are not
 * Azure's (Alertmanager, unrecognized webhook payloads) change here only.
 *
 * The Azure call goes to the alert's own subscription, parsed from its id,
 * and only when that is the subscription of the System the alert belongs
 * to: the backend's identity is never steered elsewhere by an alert.
 */
export class AlertCommands {
  constructor(private readonly options: AlertCommandsOptions) {}

  async changeState(
    alertId: string,
    target: RequestedState,
    actor: string,
    comment?: string,
  ): Promise<{ alert: Alert; changed: boolean }> {
    const { alerts, source } = this.options;
    const alert = await alerts.get(alertId);
    if (!alert) throw new NotFoundError(`No alert with id ${alertId}`);
    const check = checkTransition(alert.state, target);
    if (check.kind === 'conflict') throw new ConflictError(check.reason);
    if (check.kind === 'noop') return { alert, changed: false };

    const azureId = parseAzureAlertId(alert.id);
    if (azureId) {
      await this.checkSubscription(alert, azureId.subscriptionId);
      try {
        await source.changeState(azureId, target);
      } catch (error) {
        throw new ServiceUnavailableError(
          `Azure did not accept the change to ${target}: ${
            (error as Error).message
          }`,
        );
      }
    }
    return this.record(alertId, target, actor, comment, azureId !== undefined);
  }

  /** Stores the new state, re-reading if the alert changed since (a webhook resolved it, say). */
  private async record(
    alertId: string,
    target: RequestedState,
    actor: string,
    comment: string | undefined,
    inAzure: boolean,
  ): Promise<{ alert: Alert; changed: boolean }> {
    const at = this.options.now?.() ?? new Date();
    const [written] = await writeAlerts(this.options, [alertId], current => {
      const before = current.get(alertId);
      if (!before || checkTransition(before.state, target).kind !== 'apply') {
        return [];
      }
      const audit: AuditEntry = {
        entityRef: before.entityRef ?? 'unrouted',
        actor,
        action: target === 'Acknowledged' ? 'alert.acknowledge' : 'alert.close',
        target: before.id,
        at,
        details: {
          from: before.state,
          to: target,
          ...(comment ? { comment } : {}),
          ...(inAzure ? {} : { localOnly: true }),
        },
      };
      return [
        {
          before,
          after: { ...before, state: target, updatedAt: at.toISOString() },
          events: [
            {
              alertId,
              type: target === 'Acknowledged' ? 'acknowledged' : 'closed',
              actor,
              at,
              details: comment ? { comment } : null,
            },
          ],
          audit,
        },
      ];
    });
    if (!written) {
      // Someone else got there first (Azure's own state came back, say).
      const now = await this.options.alerts.get(alertId);
      return { alert: now!, changed: false };
    }
    this.options.mirror.record(written.audit!);
    await this.options.listener.alertsChanged([written.after]);
    return { alert: written.after, changed: true };
  }

  private async checkSubscription(alert: Alert, subscriptionId: string) {
    const project = alert.entityRef
      ? await findProject(this.options.projects, alert.entityRef)
      : undefined;
    const expected = project && subscriptionOf(project.resourceGroupId);
    if (expected !== subscriptionId) {
      throw new NotAllowedError(
        project
          ? `Alert ${alert.id} is in subscription ${subscriptionId}, not in ${alert.entityRef}'s subscription ${expected}: the portal changes alerts of a System's own subscription only`
          : `Alert ${alert.id} belongs to no System with an Azure resource group: the portal changes Azure alerts of a System's own subscription only`,
      );
    }
  }
}
