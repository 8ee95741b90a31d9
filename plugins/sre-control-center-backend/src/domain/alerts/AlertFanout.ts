import type { Alert } from '@sre-control-center/plugin-sre-control-center-common';
import type { AlertChangeListener } from './ports';

/**
 * Tells every listener (open browsers, runbook triggers, escalations) which
 * alerts changed, once they are stored. A listener that fails is reported
 * and does not keep the others from hearing of the change: the alerts are
 * committed already, and the scheduled sweeps catch up on what a listener
 * missed.
 */
export class AlertFanout implements AlertChangeListener {
  constructor(
    private readonly listeners: AlertChangeListener[],
    private readonly onError: (error: unknown) => void,
  ) {}

  async alertsChanged(alerts: Alert[]): Promise<void> {
    if (alerts.length === 0) return;
    for (const listener of this.listeners) {
      try {
        await listener.alertsChanged(alerts);
      } catch (error) {
        this.onError(error);
      }
    }
  }
}
