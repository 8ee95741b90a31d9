import type { AuditEntry, AuditMirror } from '../audit';
import type { RunPublisher } from './ports';
import type { RunRecord } from './types';

/** Where a run's changes are announced once they are stored. */
export interface RunAnnouncer {
  publisher: RunPublisher;
  mirror?: AuditMirror;
  onError?: (error: unknown) => void;
}

/**
 * Tells open browsers and the platform audit service about a stored change.
 * Both are best effort: the run and its audit_log rows are already committed.
 */
export async function announce(
  announcer: RunAnnouncer,
  run: RunRecord,
  audit: AuditEntry[],
): Promise<void> {
  for (const entry of audit) announcer.mirror?.record(entry);
  try {
    await announcer.publisher.runChanged(run);
  } catch (error) {
    announcer.onError?.(error);
  }
}

export function runAudit(
  run: Pick<RunRecord, 'entityRef' | 'id' | 'runbookName'>,
  actor: string,
  action: string,
  at: Date,
  details: Record<string, unknown> = {},
): AuditEntry {
  return {
    entityRef: run.entityRef,
    actor,
    action,
    target: run.id,
    at,
    details: { runbook: run.runbookName, ...details },
  };
}
