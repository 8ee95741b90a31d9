import type { NotificationService } from '@backstage/plugin-notifications-node';
import type { CostPublisher } from '../../domain/costs/CostRefresher';
import type { CostSnapshotStore } from '../../domain/costs/ports';
import type { RunPublisher, RunRecord } from '../../domain/runbooks';
import { controlCenterLink } from './BackstageEscalationNotifier';

/** Who a System's notifications go to. */
export interface ProjectPeople {
  /** The System's owner (a group or user entity ref), if it has one. */
  ownerOf(entityRef: string): Promise<string | undefined>;
}

/**
 * Backstage notifications (the portal's bell) for what needs a person,
 * besides the push to open pages it wraps: a run waiting for approval → the
 * System's owners and the configured approvers; a run that failed or was
 * interrupted → its requester and the owners; the budget at 80 % or 100 %
 * (actual or forecast) → the owners. Each links to the Control Center tab
 * and has a topic per kind (`runbook-approval`, `runbook-failed`,
 * `budget`) so users can filter; each is sent once per process (a budget
 * once per month and threshold), and the scope keeps replicas' repeats to
 * one notification per person.
 */
export class ProjectNotifications implements RunPublisher, CostPublisher {
  private readonly sent = new Set<string>();

  constructor(
    private readonly options: {
      inner: RunPublisher & CostPublisher;
      notifications: NotificationService;
      people: ProjectPeople;
      costs: CostSnapshotStore;
      approvers: string[];
      onError: (error: unknown) => void;
    },
  ) {}

  async runChanged(run: RunRecord): Promise<void> {
    await this.options.inner.runChanged(run);
    try {
      if (run.status === 'pending_approval') {
        await this.send(
          `run:${run.id}:pending`,
          await this.approversOf(run.entityRef),
          {
            title: `Approval needed: ${run.runbookName}`,
            description: `${run.requestedBy} asks to run ${run.runbookName}${
              run.triggerAlert ? ` for ${run.triggerAlert.name}` : ''
            }.`,
            link: controlCenterLink(run.entityRef),
            severity: 'high',
            topic: 'runbook-approval',
          },
        );
      } else if (run.status === 'failed' || run.status === 'interrupted') {
        const owner = await this.options.people.ownerOf(run.entityRef);
        await this.send(
          `run:${run.id}:${run.status}`,
          [run.requestedBy, ...(owner ? [owner] : [])],
          {
            title: `Runbook ${run.status}: ${run.runbookName}`,
            description: `The run of ${run.runbookName} requested by ${
              run.requestedBy
            } ${run.status === 'failed' ? 'failed' : 'was interrupted'}.`,
            link: controlCenterLink(run.entityRef),
            severity: 'high',
            topic: 'runbook-failed',
          },
        );
      }
    } catch (error) {
      this.options.onError(error);
    }
  }

  async costsChanged(entityRef: string): Promise<void> {
    await this.options.inner.costsChanged(entityRef);
    try {
      const summary = await this.options.costs.get(entityRef);
      const budget = summary?.budget;
      if (!summary || !budget) return;
      const worst = Math.max(budget.percentUsed, budget.forecastPercent);
      const threshold = [100, 80].find(t => worst >= t);
      if (!threshold) return;
      const owner = await this.options.people.ownerOf(entityRef);
      if (!owner) return;
      const basis = budget.percentUsed >= threshold ? 'actual' : 'forecast';
      await this.send(
        `budget:${entityRef}:${summary.period.from}:${threshold}`,
        [owner],
        {
          title: `Budget ${budget.name} at ${threshold} % (${basis})`,
          description: `Month to date ${summary.monthToDate.toFixed(2)} ${
            summary.currency
          }, forecast ${summary.forecast.toFixed(2)} of ${budget.amount} ${
            summary.currency
          }.`,
          link: controlCenterLink(entityRef),
          severity: threshold === 100 ? 'critical' : 'high',
          topic: 'budget',
        },
      );
    } catch (error) {
      this.options.onError(error);
    }
  }

  private async approversOf(entityRef: string): Promise<string[]> {
    const owner = await this.options.people.ownerOf(entityRef);
    return [...new Set([...(owner ? [owner] : []), ...this.options.approvers])];
  }

  private async send(
    key: string,
    recipients: string[],
    payload: {
      title: string;
      description: string;
      link: string;
      severity: 'critical' | 'high';
      topic: string;
    },
  ): Promise<void> {
    if (recipients.length === 0 || this.sent.has(key)) return;
    this.sent.add(key);
    await this.options.notifications.send({
      recipients: { type: 'entity', entityRef: recipients },
      payload: { ...payload, scope: `sre-control-center:${key}` },
    });
  }
}
