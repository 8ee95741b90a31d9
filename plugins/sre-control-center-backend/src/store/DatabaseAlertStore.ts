import type {
  Alert,
  AlertSeverity,
  AlertState,
  MonitorCondition,
} from '@internal/plugin-sre-control-center-common';
import type { Knex } from 'knex';
import type {
  AlertCursor,
  AlertListFilter,
  AlertRepository,
} from '../domain/alerts/ports';
import { toIso, toIsoOrNull } from './time';

type Timestamp = Date | string | number;

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
  };
}

/** knex implementation of the alert repository. */
export class DatabaseAlertStore implements AlertRepository {
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
    if (filter.after) {
      const firedAt = new Date(filter.after.firedAt);
      const id = filter.after.id;
      query.andWhere(q =>
        q
          .where('fired_at', '<', firedAt)
          .orWhere(q2 => q2.where('fired_at', '=', firedAt).andWhere('id', '<', id)),
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
}
