import type { Knex } from 'knex';
import type {
  AlertHistoryLine,
  AuditLine,
  TimelineSource,
} from '../domain/timeline';
import type { DatabaseAuditLog } from './DatabaseAuditLog';
import { toIso } from './time';

/** The alert history and audit trail of a System, newest first. */
export class DatabaseTimelineSource implements TimelineSource {
  constructor(
    private readonly db: Knex,
    private readonly audit: DatabaseAuditLog,
  ) {}

  async alertHistory(
    entityRef: string,
    limit: number,
  ): Promise<AlertHistoryLine[]> {
    const rows = await this.db('alert_events as e')
      .join('alerts as a', 'a.id', 'e.alert_id')
      .where('a.entity_ref', entityRef)
      .orderBy('e.at', 'desc')
      .limit(limit)
      .select('e.alert_id', 'a.name', 'e.type', 'e.actor', 'e.at');
    return rows.map(row => ({
      alertId: row.alert_id,
      alertName: row.name,
      type: row.type,
      actor: row.actor,
      at: toIso(row.at),
    }));
  }

  auditTrail(entityRef: string, limit: number): Promise<AuditLine[]> {
    return this.audit.list(entityRef, limit);
  }
}
