import type {
  AuditorService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import type { AuditEntry, AuditMirror } from '../domain/audit';

type AuditorMeta = NonNullable<
  Parameters<AuditorService['createEvent']>[0]['meta']
>;

/**
 * Copies audit_log entries to Backstage's auditor service, so runbook runs
 * show up wherever the platform ships its audit events. audit_log stays the
 * record; this copy is best effort.
 */
export class BackstageAuditMirror implements AuditMirror {
  constructor(
    private readonly auditor: AuditorService,
    private readonly logger: LoggerService,
  ) {}

  record(entry: AuditEntry): void {
    const meta = JSON.parse(
      JSON.stringify({
        action: entry.action,
        actor: entry.actor,
        entityRef: entry.entityRef,
        target: entry.target,
        at: entry.at.toISOString(),
        details: entry.details,
      }),
    ) as AuditorMeta;
    this.auditor
      .createEvent({
        // e.g. run.approved → runbook-run-approved
        eventId: `runbook-${entry.action.replace(/\./g, '-')}`,
        severityLevel: entry.action.startsWith('run.') ? 'medium' : 'low',
        meta,
      })
      .then(event =>
        entry.action.endsWith('failed') || entry.action.endsWith('interrupted')
          ? event.fail({
              error: new Error(String(entry.details?.error ?? entry.action)),
            })
          : event.success(),
      )
      .catch(error =>
        this.logger.warn(
          `Could not copy ${entry.action} to the auditor: ${error}`,
        ),
      );
  }
}
