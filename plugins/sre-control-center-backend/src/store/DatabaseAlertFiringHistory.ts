import type { Knex } from 'knex';
import type { AlertFiringHistory } from '../domain/stack/ports';
import { toIso } from './time';

/** When each alert rule of a System last fired, from the alerts table (rule name = alert name). */
export class DatabaseAlertFiringHistory implements AlertFiringHistory {
  constructor(private readonly db: Knex) {}

  async lastFiredByRule(entityRef: string): Promise<Map<string, string>> {
    const rows: Array<{ name: string; last: Date | string | number }> =
      await this.db('alerts')
        .where('entity_ref', entityRef)
        .groupBy('name')
        .select('name')
        .max({ last: 'fired_at' });
    return new Map(rows.map(r => [r.name.toLowerCase(), toIso(r.last)]));
  }
}
