import type { Knex } from 'knex';
import type { Inbox, InboxDelivery } from '../domain/alerts/ports';

/** knex implementation of the webhook inbox. */
export class DatabaseInbox implements Inbox {
  constructor(private readonly db: Knex) {}

  async add(delivery: InboxDelivery): Promise<string> {
    const [row] = await this.db('inbox')
      .insert({
        source: delivery.source,
        kind: delivery.kind,
        delivery_key: delivery.deliveryKey,
        body: delivery.body,
        received_at: delivery.receivedAt,
      })
      .returning('id');
    const id = typeof row === 'object' ? row.id : row;
    return String(id);
  }
}
