import type {
  Alert,
  AlertCondition,
  AlertEvent as AlertHistoryEntry,
  AlertSeverity,
  AlertState,
  MonitorCondition,
} from '@sre-control-center/plugin-sre-control-center-common';
import type { Knex } from 'knex';
import type {
  AlertCursor,
  AlertLedger,
  AlertListFilter,
  AlertRepository,
  AlertStateLedger,
  AuditEntry,
  ProcessedDelivery,
} from '../domain/alerts/ports';
import type { AlertEvent } from '../domain/alerts/types';
import { toIso, toIsoOrNull } from './time';

type Timestamp = Date | string | number;

/** An alert has a handful of events; the cap only guards against a runaway loop. */
const HISTORY_LIMIT = 500;

interface AlertRow {
  id: string;
  entity_ref: string;
  name: string;
  severity: string;
  state: string;
  monitor_condition: string;
  target_resource_id: string | null;
  description: string | null;
  fired_at: Timestamp;
  resolved_at: Timestamp | null;
  updated_at: Timestamp;
  /** AlertCondition as JSON; null for alerts whose payload said none. */
  condition: string | null;
}

function conditionOf(row: AlertRow): { condition?: AlertCondition } {
  if (!row.condition) return {};
  try {
    return { condition: JSON.parse(row.condition) as AlertCondition };
  } catch {
    // A damaged summary must not hide the alert itself.
    return {};
  }
}

function fromRow(row: AlertRow): Alert {
  return {
    id: row.id,
    entityRef: row.entity_ref,
    name: row.name,
    severity: row.severity as AlertSeverity,
    state: row.state as AlertState,
    monitorCondition: row.monitor_condition as MonitorCondition,
    targetResourceId: row.target_resource_id,
    description: row.description,
    firedAt: toIso(row.fired_at),
    resolvedAt: toIsoOrNull(row.resolved_at),
    updatedAt: toIso(row.updated_at),
    ...conditionOf(row),
  };
}

function toRow(alert: Alert): AlertRow {
  return {
    id: alert.id,
    entity_ref: alert.entityRef,
    name: alert.name,
    severity: alert.severity,
    state: alert.state,
    monitor_condition: alert.monitorCondition,
    target_resource_id: alert.targetResourceId,
    description: alert.description,
    fired_at: new Date(alert.firedAt),
    resolved_at: alert.resolvedAt ? new Date(alert.resolvedAt) : null,
    updated_at: new Date(alert.updatedAt),
    condition: alert.condition ? JSON.stringify(alert.condition) : null,
  };
}

function eventRow(e: AlertEvent) {
  return {
    alert_id: e.alertId,
    type: e.type,
    actor: e.actor,
    at: e.at,
    details: e.details ? JSON.stringify(e.details) : null,
  };
}

/** knex implementation of the alert repository and ledgers. */
export class DatabaseAlertStore
  implements AlertRepository, AlertLedger, AlertStateLedger
{
  constructor(private readonly db: Knex) {}

  async list(
    filter: AlertListFilter,
  ): Promise<{ items: Alert[]; next: AlertCursor | null }> {
    const query = this.db<AlertRow>('alerts')
      .where('entity_ref', filter.entityRef)
      .orderBy([
        { column: 'fired_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(filter.limit + 1);
    if (filter.state) query.andWhere('state', filter.state);
    if (filter.severity) query.andWhere('severity', filter.severity);
    if (filter.changedSince) {
      query.andWhere('updated_at', '>', filter.changedSince);
    }
    if (filter.after) {
      const firedAt = new Date(filter.after.firedAt);
      const id = filter.after.id;
      query.andWhere(q =>
        q
          .where('fired_at', '<', firedAt)
          .orWhere(q2 =>
            q2.where('fired_at', '=', firedAt).andWhere('id', '<', id),
          ),
      );
    }
    const rows = await query;
    const items = rows.slice(0, filter.limit).map(fromRow);
    const last = items[items.length - 1];
    const next =
      rows.length > filter.limit && last
        ? { firedAt: last.firedAt, id: last.id }
        : null;
    return { items, next };
  }

  async get(id: string): Promise<Alert | undefined> {
    const row = await this.db<AlertRow>('alerts').where('id', id).first();
    return row ? fromRow(row) : undefined;
  }

  async history(id: string): Promise<AlertHistoryEntry[]> {
    // By time, then insertion order: reconciliation can insert a past event late.
    const rows = await this.db('alert_events')
      .where('alert_id', id)
      .orderBy([
        { column: 'at', order: 'asc' },
        { column: 'id', order: 'asc' },
      ])
      .limit(HISTORY_LIMIT);
    return rows.map(r => ({
      type: r.type,
      actor: r.actor,
      at: toIso(r.at),
      details: r.details ? JSON.parse(r.details) : null,
    }));
  }

  async record(result: ProcessedDelivery): Promise<void> {
    await this.db.transaction(async tx => {
      if (result.alert) {
        await tx<AlertRow>('alerts')
          .insert(toRow(result.alert))
          .onConflict('id')
          .merge();
      }
      if (result.events.length > 0) {
        await tx('alert_events').insert(result.events.map(eventRow));
      }
      if (result.deliveryId !== undefined) {
        await tx('inbox')
          .where('id', result.deliveryId)
          .update({
            processed_at: result.retryLater ? null : new Date(),
            error: result.error ?? null,
          });
      }
    });
  }

  async recordStateChange(change: {
    alert: Alert;
    event: AlertEvent;
    audit: AuditEntry;
  }): Promise<void> {
    await this.db.transaction(async tx => {
      await tx<AlertRow>('alerts')
        .where('id', change.alert.id)
        .update({
          state: change.alert.state,
          updated_at: new Date(change.alert.updatedAt),
        });
      await tx('alert_events').insert(eventRow(change.event));
      await tx('audit_log').insert({
        entity_ref: change.audit.entityRef,
        actor: change.audit.actor,
        action: change.audit.action,
        target: change.audit.target,
        at: change.audit.at,
        details: change.audit.details
          ? JSON.stringify(change.audit.details)
          : null,
      });
    });
  }
}
