import type { AuditLogEntry } from '@sre-control-center/plugin-sre-control-center-common';

/**
 * The audit trail: every state change the Control Center makes or learns of
 * (acknowledge, close, maintenance, runs, routing) is one entry, written in
 * the same transaction as the change itself.
 */

/** One entry of the append-only audit trail. */
export interface AuditEntry {
  entityRef: string;
  actor: string;
  action: string;
  target: string | null;
  at: Date;
  details: Record<string, unknown> | null;
}

/**
 * Where stored entries are copied for the platform (Backstage's auditor
 * service). Best effort: the entry is already committed.
 */
export interface AuditMirror {
  record(entry: AuditEntry): void;
}

/** Appends entries that have no transaction of their own (e.g. a maintenance window). */
export interface AuditLog {
  append(entry: AuditEntry): Promise<void>;
}

/** Reads a System's audit trail, newest first. */
export interface AuditTrail {
  list(entityRef: string, limit: number): Promise<AuditLogEntry[]>;
}
