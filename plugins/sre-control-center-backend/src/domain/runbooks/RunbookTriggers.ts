import type { Alert } from '@sre-control-center/plugin-sre-control-center-common';
import type { AlertChangeListener } from '../alerts/ports';
import type { RunRequests } from './RunRequests';
import type { RunSweeper } from './RunSweeper';

/** What alert changes mean for runbooks: a firing starts runs, a resolution tells whether a run worked. */
export class RunbookTriggers implements AlertChangeListener {
  constructor(
    private readonly requests: RunRequests,
    private readonly sweeper: RunSweeper,
  ) {}

  async alertsChanged(alerts: Alert[]): Promise<void> {
    await this.requests.alertsChanged(alerts);
    for (const alert of alerts) {
      if (alert.monitorCondition === 'Resolved') {
        await this.sweeper.checkOutcomes(alert);
      }
    }
  }
}
