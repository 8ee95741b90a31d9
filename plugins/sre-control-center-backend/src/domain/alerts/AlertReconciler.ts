import type { Alert } from '@sre-control-center/plugin-sre-control-center-common';
import type { ProjectResolver } from '../projects';
import { applySnapshot } from './applySnapshot';
import type {
  AlertChangeListener,
  AlertLedger,
  AlertRepository,
  AlertSnapshot,
  AlertSource,
} from './ports';
import { writeAlerts } from './writeAlerts';

export interface AlertReconcilerOptions {
  projects: ProjectResolver;
  source: AlertSource;
  alerts: AlertRepository;
  ledger: AlertLedger;
  listener: AlertChangeListener;
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
 * does not stop the others; the report says which failed. A project's
 * changes are written together, each only if nobody changed the alert since
 * it was read (a person acknowledging at the same moment keeps their change).
 */
export class AlertReconciler {
  constructor(private readonly options: AlertReconcilerOptions) {}

  async reconcile(): Promise<ReconcileReport> {
    const { projects, source } = this.options;
    const report: ReconcileReport = {
      projects: 0,
      seen: 0,
      changed: 0,
      failures: [],
    };
    for (const project of await projects.listProjects()) {
      report.projects++;
      try {
        const snapshots = await source.listAlerts(project.resourceGroupId);
        report.seen += snapshots.length;
        const changed = await this.apply(project.entityRef, snapshots);
        report.changed += changed.length;
        await this.options.listener.alertsChanged(changed);
      } catch (error) {
        report.failures.push({
          entityRef: project.entityRef,
          error: (error as Error).message,
        });
      }
    }
    return report;
  }

  private async apply(
    entityRef: string,
    snapshots: AlertSnapshot[],
  ): Promise<Alert[]> {
    const byId = new Map(snapshots.map(s => [s.alertId, s]));
    const now = this.options.now?.() ?? new Date();
    const written = await writeAlerts(
      this.options,
      [...byId.keys()],
      (current, ids) =>
        ids.flatMap(id => {
          const before = current.get(id);
          const outcome = applySnapshot(
            before,
            byId.get(id)!,
            // An alert routed by label or URL keeps its System.
            before?.entityRef ?? entityRef,
            now,
          );
          return outcome.changed
            ? [{ before, after: outcome.alert, events: outcome.events }]
            : [];
        }),
    );
    return written.map(w => w.after);
  }
}
