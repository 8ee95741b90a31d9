import type { Alert } from '@sre-control-center/plugin-sre-control-center-common';
import type { AlertChangeListener, AlertPublisher } from './ports';

/**
 * Hands alert changes to a listener in the background, so that what the
 * listener waits for (the events bus for browser pushes; Azure's maintenance
 * rules and the phone for escalations) never holds up the inbox: a storm's
 * batches are stored as fast as the database takes them while the listener
 * follows. What arrives while the listener is busy is merged (the newest
 * version of each alert wins), so a storm becomes a few large calls instead
 * of one per batch, and each alert reaches the listener after every earlier
 * version of it. Listeners whose work must not be missed catch up on their
 * own schedule (the escalation sweep).
 */
export class BackgroundAlertListener implements AlertChangeListener {
  private pending = new Map<string, Alert>();
  private running: Promise<void> | undefined;

  constructor(
    private readonly listener: AlertPublisher,
    private readonly onError: (error: unknown) => void,
  ) {}

  async alertsChanged(alerts: Alert[]): Promise<void> {
    for (const alert of alerts) this.pending.set(alert.id, alert);
    if (!this.running) {
      this.running = this.flush().finally(() => {
        this.running = undefined;
      });
    }
  }

  /** Resolves once everything handed over so far is published (shutdown, tests). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async flush(): Promise<void> {
    while (this.pending.size > 0) {
      const alerts = [...this.pending.values()];
      this.pending = new Map();
      try {
        await this.listener.alertsChanged(alerts);
      } catch (error) {
        // The alerts are stored; browsers catch up with their next fetch,
        // escalations with the next sweep.
        this.onError(error);
      }
    }
  }
}
