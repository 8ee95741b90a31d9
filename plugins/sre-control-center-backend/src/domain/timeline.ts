import type { TimelineEntry } from '@internal/plugin-sre-control-center-common';

/** A line of an alert's history, with the alert's rule name. */
export interface AlertHistoryLine {
  alertId: string;
  alertName: string;
  type: string;
  actor: string | null;
  at: string;
}

/** An audit_log entry as the timeline reads it. */
export interface AuditLine {
  action: string;
  actor: string;
  target: string | null;
  at: string;
  details: Record<string, unknown> | null;
}

/** Reads the raw material of a System's timeline, newest first. */
export interface TimelineSource {
  alertHistory(entityRef: string, limit: number): Promise<AlertHistoryLine[]>;
  auditTrail(entityRef: string, limit: number): Promise<AuditLine[]>;
}

const RUN_VERBS: Record<string, string> = {
  'run.requested': 'requested',
  'run.skipped': 'skipped (cooldown)',
  'run.approved': 'approved',
  'run.rejected': 'rejected',
  'run.expired': 'expired without a decision',
  'run.started': 'started',
  'run.succeeded': 'succeeded',
  'run.failed': 'failed',
  'run.interrupted': 'interrupted',
};

/**
 * One timeline per System: alert fired → run requested → approved →
 * executed → alert resolved → issue closed. Alert state changes come from
 * the alert history (which also holds the SRE agent's and Azure's changes),
 * everything else from the audit trail.
 */
export async function systemTimeline(
  source: TimelineSource,
  entityRef: string,
  limit: number,
): Promise<TimelineEntry[]> {
  const [history, audit] = await Promise.all([
    source.alertHistory(entityRef, limit),
    source.auditTrail(entityRef, limit),
  ]);
  const entries: TimelineEntry[] = [
    ...history.map(
      (line): TimelineEntry => ({
        at: line.at,
        kind: 'alert',
        action: `alert.${line.type}`,
        actor: line.actor,
        summary: `${line.alertName} ${line.type}`,
        target: line.alertId,
      }),
    ),
    // Acknowledge/close are in the alert history already.
    ...audit.filter(line => !line.action.startsWith('alert.')).map(auditEntry),
  ];
  return entries.sort((a, b) => b.at.localeCompare(a.at)).slice(0, limit);
}

function auditEntry(line: AuditLine): TimelineEntry {
  const details = line.details ?? {};
  const prefix = line.action.split('.')[0];
  if (prefix === 'run') {
    const verb = RUN_VERBS[line.action] ?? line.action;
    const extra =
      line.action === 'run.failed' || line.action === 'run.interrupted'
        ? `: ${String(details.error ?? '')}`
        : line.action === 'run.outcome'
        ? `: ${String(details.outcome ?? '')}`
        : '';
    return {
      at: line.at,
      kind: 'run',
      action: line.action,
      actor: line.actor,
      summary: `${String(details.runbook ?? 'Runbook')} ${
        line.action === 'run.outcome' ? 'outcome' : verb
      }${extra}`,
      target: line.target,
    };
  }
  const kind =
    prefix === 'maintenance'
      ? 'maintenance'
      : prefix === 'issue'
      ? 'issue'
      : 'other';
  return {
    at: line.at,
    kind,
    action: line.action,
    actor: line.actor,
    summary: String(details.summary ?? details.reason ?? line.action),
    target: line.target,
  };
}
