import type { CostSummary } from '@sre-control-center/plugin-sre-control-center-common';
import type { Knex } from 'knex';
import type { CostSnapshotStore } from '../domain/costs/ports';

/** knex implementation of the cost snapshot store. */
export class DatabaseCostSnapshots implements CostSnapshotStore {
  constructor(private readonly db: Knex) {}

  async get(entityRef: string): Promise<CostSummary | undefined> {
    const row = await this.db('cost_snapshots')
      .where('entity_ref', entityRef)
      .first();
    return row ? (JSON.parse(row.summary) as CostSummary) : undefined;
  }

  async save(summary: CostSummary): Promise<void> {
    await this.db('cost_snapshots')
      .insert({
        entity_ref: summary.entityRef,
        summary: JSON.stringify(summary),
        refreshed_at: new Date(summary.refreshedAt),
      })
      .onConflict('entity_ref')
      .merge();
  }
}
