import type {
  Alert,
  AlertCondition,
  AlertEvent,
  AlertRouting,
  AlertSeverity,
  AlertState,
  MonitorCondition,
} from '@sre-control-center/plugin-sre-control-center-common';
import type { Knex } from 'knex';
import type {
  AlertCursor,
  AlertLedger,
  AlertListFilter,
  AlertPage,
  AlertRepository,
  AlertWrite,
  UnroutedAlerts,
} from '../domain/alerts/ports';
import { resourceGroupIdOf } from '../domain/alerts/resourceIds';
import type { AlertHistoryRecord } from '../domain/alerts/types';
import { auditRow } from './auditRow';
import { chunked } from './chunked';
import { toIso, toIsoOrNull } from './time';

type Timestamp = Date | string | number;

/** An alert has a handful of events; the cap only guards against a runaway loop. */
const HISTORY_LIMIT = 500;
/** Ids per `IN (…)` list, far below SQLite's and PostgreSQL's parameter limits. */
const IDS_PER_QUERY = 500;
/** Rows per multi-row insert (an alert row has 14 columns). */
const ROWS_PER_INSERT = 200;

interface AlertRow {
  id: string;
  entity_ref: string | null;
  routing: string | null;
  resource_group_id: string | null;
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

/** The columns a write may change, each compared with what was read. */
const GUARDED_COLUMNS = [
  'entity_ref',
  'routing',
  'resource_group_id',
  'name',
  'severity',
  'state',
  'monitor_condition',
  'target_resource_id',
  'description',
  'fired_at',
  'resolved_at',
  'condition',
] as const;

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
    routing: row.routing as AlertRouting | null,
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
    routing: alert.routing,
    resource_group_id: alert.targetResourceId
      ? resourceGroupIdOf(alert.targetResourceId) ?? null
      : null,
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

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date) {
    return (
      a instanceof Date && b instanceof Date && a.getTime() === b.getTime()
    );
  }
  return a === b;
}

function eventRow(e: AlertHistoryRecord) {
  return {
    alert_id: e.alertId,
    type: e.type,
    actor: e.actor,
    at: e.at,
    details: e.details ? JSON.stringify(e.details) : null,
  };
}

/** Newest first, by fired time then id; `after` continues below a cursor. */
function pageOf(
  query: Knex.QueryBuilder<AlertRow>,
  limit: number,
  after?: AlertCursor,
): Knex.QueryBuilder<AlertRow> {
  query
    .orderBy([
      { column: 'fired_at', order: 'desc' },
      { column: 'id', order: 'desc' },
    ])
    .limit(limit + 1);
  if (after) {
    const firedAt = new Date(after.firedAt);
    query.andWhere(q =>
      q
        .where('fired_at', '<', firedAt)
        .orWhere(q2 =>
          q2.where('fired_at', '=', firedAt).andWhere('id', '<', after.id),
        ),
    );
  }
  return query;
}

function toPage(rows: AlertRow[], limit: number): AlertPage {
  const items = rows.slice(0, limit).map(fromRow);
  const last = items[items.length - 1];
  return {
    items,
    next:
      rows.length > limit && last
        ? { firedAt: last.firedAt, id: last.id }
        : null,
  };
}

/** knex implementation of the alert repository and ledger. */
export class DatabaseAlertStore
  implements AlertRepository, AlertLedger, UnroutedAlerts
{
  constructor(private readonly db: Knex) {}

  async list(filter: AlertListFilter): Promise<AlertPage> {
    const query = pageOf(
      this.db<AlertRow>('alerts').where('entity_ref', filter.entityRef),
      filter.limit,
      filter.after,
    );
    if (filter.state) query.andWhere('state', filter.state);
    if (filter.severity) query.andWhere('severity', filter.severity);
    if (filter.changedSince) {
      query.andWhere('updated_at', '>', filter.changedSince);
    }
    return toPage(await query, filter.limit);
  }

  async listUnrouted(query: {
    limit: number;
    after?: AlertCursor;
  }): Promise<AlertPage> {
    const rows = await pageOf(
      this.db<AlertRow>('alerts').whereNull('entity_ref'),
      query.limit,
      query.after,
    );
    return toPage(rows, query.limit);
  }

  async get(id: string): Promise<Alert | undefined> {
    const row = await this.db<AlertRow>('alerts').where('id', id).first();
    return row ? fromRow(row) : undefined;
  }

  async getMany(ids: string[]): Promise<Map<string, Alert>> {
    const found = new Map<string, Alert>();
    for (const part of chunked(ids, IDS_PER_QUERY)) {
      const rows = await this.db<AlertRow>('alerts').whereIn('id', part);
      for (const row of rows) found.set(row.id, fromRow(row));
    }
    return found;
  }

  async firedSince(entityRef: string, since: Date): Promise<Alert[]> {
    const rows = await this.db<AlertRow>('alerts')
      .where('entity_ref', entityRef)
      .andWhere('fired_at', '>=', since)
      .orderBy('fired_at', 'desc');
    return rows.map(fromRow);
  }

  async history(id: string): Promise<AlertEvent[]> {
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

  async commit(writes: AlertWrite[]): Promise<{ conflicts: Set<string> }> {
    const conflicts = new Set<string>();
    await this.db.transaction(async tx => {
      const applied: AlertWrite[] = [];
      const creates = writes.filter(w => !w.before);
      for (const part of chunked(creates, ROWS_PER_INSERT)) {
        const inserted = await tx<AlertRow>('alerts')
          .insert(part.map(w => toRow(w.after)))
          .onConflict('id')
          .ignore()
          .returning('id');
        const ids = new Set(
          inserted.map(r => (typeof r === 'object' ? r.id : String(r))),
        );
        for (const w of part) {
          if (ids.has(w.after.id)) applied.push(w);
          else conflicts.add(w.after.id);
        }
      }
      for (const w of writes.filter(x => x.before)) {
        if (await this.conditionalUpdate(tx, w.before!, w.after)) {
          applied.push(w);
        } else {
          conflicts.add(w.after.id);
        }
      }
      const events = applied.flatMap(w => w.events.map(eventRow));
      for (const part of chunked(events, ROWS_PER_INSERT)) {
        await tx('alert_events').insert(part);
      }
      const audit = applied.flatMap(w => (w.audit ? [auditRow(w.audit)] : []));
      if (audit.length > 0) await tx('audit_log').insert(audit);
    });
    return { conflicts };
  }

  /**
   * Changes only the columns that differ, and only while each still holds
   * the value that was read: concurrent writers of other columns (a person
   * acknowledging while a webhook resolves) both keep their change.
   */
  private async conditionalUpdate(
    tx: Knex.Transaction,
    before: Alert,
    after: Alert,
  ): Promise<boolean> {
    const was = toRow(before);
    const now = toRow(after);
    const patch: Partial<AlertRow> = { updated_at: now.updated_at };
    const query = tx<AlertRow>('alerts').where('id', before.id);
    for (const column of GUARDED_COLUMNS) {
      if (sameValue(was[column], now[column])) continue;
      (patch as Record<string, unknown>)[column] = now[column];
      if (was[column] === null) query.whereNull(column);
      else query.andWhere(column, was[column] as never);
    }
    return (await query.update(patch)) === 1;
  }

  async unroutedResourceGroups(limit: number): Promise<string[]> {
    const rows = await this.db('alerts')
      .distinct('resource_group_id')
      .whereNull('entity_ref')
      .whereNotNull('resource_group_id')
      .orderBy('resource_group_id')
      .limit(limit);
    return rows.map(r => r.resource_group_id);
  }

  async route(
    resourceGroupId: string,
    entityRef: string,
    at: Date,
  ): Promise<Alert[]> {
    return this.db.transaction(async tx => {
      const ids = (
        await tx('alerts')
          .select('id')
          .whereNull('entity_ref')
          .andWhere('resource_group_id', resourceGroupId)
      ).map(r => r.id as string);
      const moved: string[] = [];
      for (const part of chunked(ids, IDS_PER_QUERY)) {
        const updated = await tx('alerts')
          .whereIn('id', part)
          .whereNull('entity_ref')
          .update({
            entity_ref: entityRef,
            routing: 'resource-group',
            updated_at: at,
          })
          .returning('id');
        moved.push(
          ...updated.map(r => (typeof r === 'object' ? r.id : String(r))),
        );
      }
      for (const part of chunked(moved, ROWS_PER_INSERT)) {
        await tx('alert_events').insert(
          part.map(id =>
            eventRow({
              alertId: id,
              type: 'routed',
              actor: 'sre-control-center',
              at,
              details: { entityRef, routing: 'resource-group' },
            }),
          ),
        );
      }
      const rows: AlertRow[] = [];
      for (const part of chunked(moved, IDS_PER_QUERY)) {
        rows.push(...(await tx<AlertRow>('alerts').whereIn('id', part)));
      }
      return rows.map(fromRow);
    });
  }
}
