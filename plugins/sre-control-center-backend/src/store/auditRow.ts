import type { AuditEntry } from '../domain/audit';

/** The audit_log row for an entry; every ledger writes it inside its own transaction. */
export function auditRow(entry: AuditEntry) {
  return {
    entity_ref: entry.entityRef,
    actor: entry.actor,
    action: entry.action,
    target: entry.target,
    at: entry.at,
    details: entry.details ? JSON.stringify(entry.details) : null,
  };
}
