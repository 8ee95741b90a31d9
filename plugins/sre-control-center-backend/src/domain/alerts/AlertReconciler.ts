import { applySnapshot } from './applySnapshot';
import type {
  AlertLedger,
  AlertPublisher,
  AlertRepository,
  AlertSource,
} from './ports';
import type { ProjectResolver } from '../projects';

export interface AlertReconcilerOptions {
  projects: ProjectResolver;
  source: AlertSource;
  alerts: AlertRepository;
  ledger: AlertLedger;
  publisher: AlertPublisher;
  now?: () => Date;
}

export interface ReconcileReport {
  projects: number;
  seen: number;
  changed: number;
  failures: Array<{ entityRef: string; error: string }>;
}

/**
 * Compares every project's alerts with Azure's Alerts Management API and
 * takes over what changed there. One project failing (throttled, no access)
 * does not stop the others; the report says which failed.
 */
export class AlertReconciler {
  constructor(private readonly options: AlertReconcilerOptions) {}

  async reconcile(): Promise<ReconcileReport> {
    const { projects, source, alerts, ledger, publisher } = this.options;
    const report: ReconcileReport = {
      projects: 0,
      seen: 0,
      changed: 0,
      failures: [],
    };
    for (const project of await projects.listProjects()) {
      report.projects++;
      try {
        for (const snapshot of await source.listAlerts(
          project.resourceGroupId,
        )) {
          report.seen++;
          const existing = await alerts.get(snapshot.alertId);
          const now = this.options.now?.() ?? new Date();
          const outcome = applySnapshot(
            existing,
            snapshot,
            existing?.entityRef ?? project.entityRef,
            now,
          );
          if (!outcome.changed) continue;
          await ledger.record({ alert: outcome.alert, events: outcome.events });
          await publisher.alertChanged(outcome.alert);
          report.changed++;
        }
      } catch (error) {
        report.failures.push({
          entityRef: project.entityRef,
          error: (error as Error).message,
        });
      }
    }
    return report;
  }
}
