import type { AuditLogEntry } from '@sre-control-center/plugin-sre-control-center-common';
import type { Knex } from 'knex';
import type { AuditEntry, AuditLog, AuditTrail } from '../domain/audit';
import { auditRow } from './auditRow';
import { toIso } from './time';

/** Reads the append-only audit trail (written by the ledgers, never updated). */
export class DatabaseAuditLog implements AuditLog, AuditTrail {
  constructor(private readonly db: Knex) {}

  /** Records an action that has no ledger transaction of its own (e.g. a maintenance window). */
  async append(entry: AuditEntry): Promise<void> {
    await this.db('audit_log').insert(auditRow(entry));
  }

  async list(entityRef: string, limit: number): Promise<AuditLogEntry[]> {
    const rows = await this.db('audit_log')
      .where('entity_ref', entityRef)
      .orderBy('id', 'desc')
      .limit(limit);
    return rows.map(r => ({
      id: String(r.id),
      entityRef: r.entity_ref,
      actor: r.actor,
      action: r.action,
      target: r.target,
      at: toIso(r.at),
      details: r.details ? JSON.parse(r.details) : null,
    }));
  }
}
