import type { Alert } from '@sre-control-center/plugin-sre-control-center-common';
import type { AlertChangeListener, AlertPublisher } from './ports';

/**
 * Hands alert changes to the publisher in the background, so pushing to
 * browsers never holds up processing: a storm's batches are stored as fast
 * as the database takes them while the messages follow. What arrives while a
 * message is on its way is merged (the newest version of each alert wins), so
 * a storm becomes a few large messages instead of one per batch, and each
 * alert is published after every earlier version of it.
 */
export class CoalescingAlertPublisher implements AlertChangeListener {
  private pending = new Map<string, Alert>();
  private running: Promise<void> | undefined;

  constructor(
    private readonly publisher: AlertPublisher,
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
        await this.publisher.alertsChanged(alerts);
      } catch (error) {
        // The alerts are stored; browsers catch up with their next fetch.
        this.onError(error);
      }
    }
  }
}
