import type { TimelineEntry } from '@sre-control-center/plugin-sre-control-center-common';

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

/** Any other area's lines of a System's timeline (deployments, GitHub issues, escalations), newest first. */
export interface TimelineEntrySource {
  entries(entityRef: string, limit: number): Promise<TimelineEntry[]>;
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
  others: TimelineEntrySource[] = [],
): Promise<TimelineEntry[]> {
  const [history, audit, ...more] = await Promise.all([
    source.alertHistory(entityRef, limit),
    source.auditTrail(entityRef, limit),
    ...others.map(other => other.entries(entityRef, limit)),
  ]);
  const entries: TimelineEntry[] = [
    // On-call pages are in the audit trail too, with a readable summary.
    ...history
      .filter(line => line.type !== 'escalation')
      .map(
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
    ...more.flat(),
  ];
  return entries.sort((a, b) => b.at.localeCompare(a.at)).slice(0, limit);
}

const KINDS: Record<string, TimelineEntry['kind']> = {
  run: 'run',
  maintenance: 'maintenance',
  issue: 'issue',
  escalation: 'escalation',
};

/** What a run step adds to its summary: why it failed, or how it turned out. */
function runDetail(action: string, details: Record<string, unknown>): string {
  if (action === 'run.failed' || action === 'run.interrupted') {
    return `: ${String(details.error ?? '')}`;
  }
  if (action === 'run.outcome') return `: ${String(details.outcome ?? '')}`;
  return '';
}

function auditEntry(line: AuditLine): TimelineEntry {
  const details = line.details ?? {};
  const kind = KINDS[line.action.split('.')[0]] ?? 'other';
  const base = {
    at: line.at,
    kind,
    action: line.action,
    actor: line.actor,
    target: line.target,
  };
  if (kind === 'run') {
    const verb =
      line.action === 'run.outcome'
        ? 'outcome'
        : RUN_VERBS[line.action] ?? line.action;
    return {
      ...base,
      summary: `${String(details.runbook ?? 'Runbook')} ${verb}${runDetail(
        line.action,
        details,
      )}`,
    };
  }
  return {
    ...base,
    summary: String(details.summary ?? details.reason ?? line.action),
  };
}
