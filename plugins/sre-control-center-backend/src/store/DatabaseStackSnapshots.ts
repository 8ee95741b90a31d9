import type { StackSnapshot } from '@sre-control-center/plugin-sre-control-center-common';
import type { Knex } from 'knex';
import type { StackSnapshotStore } from '../domain/stack/ports';

type Stored = Omit<StackSnapshot, 'ageSeconds'>;

/** knex implementation of the stack snapshot store: one row per System, replaced on each refresh. */
export class DatabaseStackSnapshots implements StackSnapshotStore {
  constructor(private readonly db: Knex) {}

  async get(entityRef: string): Promise<Stored | undefined> {
    const row = await this.db('stack_snapshots')
      .where('entity_ref', entityRef)
      .first();
    return row ? (JSON.parse(row.snapshot) as Stored) : undefined;
  }

  async save(snapshot: Stored): Promise<void> {
    await this.db('stack_snapshots')
      .insert({
        entity_ref: snapshot.entityRef,
        snapshot: JSON.stringify(snapshot),
        refreshed_at: new Date(snapshot.refreshedAt),
      })
      .onConflict('entity_ref')
      .merge();
  }
}
