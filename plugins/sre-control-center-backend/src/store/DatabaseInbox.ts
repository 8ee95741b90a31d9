import type { Knex } from 'knex';
import type {
  Inbox,
  InboxDelivery,
  InboxQueue,
  StoredDelivery,
} from '../domain/alerts/ports';
import { createGroupCommit } from './groupCommit';
import { toIso } from './time';

/** Rows per multi-row insert; far below SQLite's and PostgreSQL's parameter limits. */
const MAX_BATCH = 100;

/**
 * knex implementation of the webhook inbox. Concurrent deliveries share one
 * INSERT (group commit), so a burst costs a handful of commits, not one each.
 */
export class DatabaseInbox implements Inbox, InboxQueue {
  private readonly insert: (delivery: InboxDelivery) => Promise<string>;

  constructor(private readonly db: Knex) {
    this.insert = createGroupCommit(
      async (deliveries: InboxDelivery[]) => {
        const rows = await db('inbox')
          .insert(
            deliveries.map(d => ({
              source: d.source,
              kind: d.kind,
              delivery_key: d.deliveryKey,
              body: d.body,
              received_at: d.receivedAt,
              entity_ref: d.entityRef ?? null,
              // A refused delivery is kept for inspection, never processed.
              processed_at: d.rejected === undefined ? null : d.receivedAt,
              error: d.rejected ?? null,
            })),
          )
          .returning('id');
        // Both SQLite and PostgreSQL return the ids in VALUES order.
        return rows.map(row => String(typeof row === 'object' ? row.id : row));
      },
      { maxBatch: MAX_BATCH },
    );
  }

  add(delivery: InboxDelivery): Promise<string> {
    return this.insert(delivery);
  }

  async pending(
    source: InboxDelivery['source'],
    limit: number,
    afterId?: string,
  ): Promise<StoredDelivery[]> {
    const query = this.db('inbox')
      .select('id', 'kind', 'body', 'received_at', 'entity_ref')
      .whereNull('processed_at')
      .andWhere('source', source)
      .orderBy('id', 'asc')
      .limit(limit);
    if (afterId !== undefined) query.andWhere('id', '>', Number(afterId));
    const rows = await query;
    return rows.map(r => ({
      id: String(r.id),
      kind: r.kind,
      body: r.body,
      receivedAt: new Date(toIso(r.received_at)),
      entityRef: r.entity_ref ?? null,
    }));
  }
}
