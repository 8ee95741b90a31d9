import type {
  DeliveryStatus,
  InboxDeliverySummary,
} from '@sre-control-center/plugin-sre-control-center-common';
import type { Knex } from 'knex';
import type {
  ClaimedDelivery,
  DeliveryOutcome,
  DeliveryRegistry,
  Inbox,
  InboxDelivery,
  InboxQueue,
  InboxSource,
} from '../domain/inbox/ports';
import { createGroupCommit } from './groupCommit';
import { toIso, toIsoOrNull } from './time';

/** Rows per multi-row insert; far below SQLite's and PostgreSQL's parameter limits. */
const MAX_BATCH = 100;
/** Characters of the body shown to operators in the delivery list. */
const EXCERPT_CHARS = 300;

type Row = Record<string, any>;

function idOf(row: unknown): string {
  return String(typeof row === 'object' && row ? (row as Row).id : row);
}

/**
 * knex implementation of the webhook inbox. Concurrent deliveries share one
 * INSERT (group commit), so a burst costs a handful of commits, not one each.
 * Processing claims batches with a lease: on PostgreSQL `FOR UPDATE SKIP
 * LOCKED` keeps replicas off each other's batches; SQLite has one writer.
 */
export class DatabaseInbox implements Inbox, InboxQueue, DeliveryRegistry {
  private readonly insert: (
    delivery: InboxDelivery,
  ) => Promise<{ id: string; duplicate: boolean }>;
  private readonly postgres: boolean;

  constructor(private readonly db: Knex) {
    this.postgres = db.client.config.client === 'pg';
    this.insert = createGroupCommit(
      (deliveries: InboxDelivery[]) => this.write(deliveries),
      { maxBatch: MAX_BATCH },
    );
  }

  add(delivery: InboxDelivery): Promise<{ id: string; duplicate: boolean }> {
    return this.insert(delivery);
  }

  private async write(
    deliveries: InboxDelivery[],
  ): Promise<Array<{ id: string; duplicate: boolean }>> {
    const row = (d: InboxDelivery) => ({
      source: d.source,
      kind: d.kind,
      delivery_key: d.deliveryKey,
      body: d.body,
      received_at: d.receivedAt,
      entity_ref: d.entityRef ?? null,
      status: d.refused === undefined ? 'pending' : 'refused',
      // A refused delivery is kept for inspection, never processed.
      processed_at: d.refused === undefined ? null : d.receivedAt,
      error: d.refused ?? null,
    });
    const results = new Array<{ id: string; duplicate: boolean }>(
      deliveries.length,
    );
    const unkeyed = deliveries
      .map((d, i) => ({ d, i }))
      .filter(({ d }) => d.deliveryKey === null);
    const keyed = deliveries
      .map((d, i) => ({ d, i }))
      .filter(({ d }) => d.deliveryKey !== null);
    await this.db.transaction(async tx => {
      if (unkeyed.length > 0) {
        const ids = await tx('inbox')
          .insert(unkeyed.map(({ d }) => row(d)))
          .returning('id');
        // Both SQLite and PostgreSQL return the ids in VALUES order.
        unkeyed.forEach(({ i }, n) => {
          results[i] = { id: idOf(ids[n]), duplicate: false };
        });
      }
      if (keyed.length > 0) {
        // A replay (same provider delivery id) is stored once.
        const inserted = await tx('inbox')
          .insert(keyed.map(({ d }) => row(d)))
          .onConflict(['source', 'delivery_key'])
          .ignore()
          .returning(['id', 'source', 'delivery_key']);
        const fresh = new Map(
          inserted.map((r: Row) => [`${r.source} ${r.delivery_key}`, idOf(r)]),
        );
        const claimed = new Set<string>();
        for (const { d, i } of keyed) {
          const key = `${d.source} ${d.deliveryKey}`;
          const id = fresh.get(key);
          if (id && !claimed.has(key)) {
            claimed.add(key);
            results[i] = { id, duplicate: false };
          }
        }
        for (const { d, i } of keyed) {
          if (results[i]) continue;
          const existing = await tx('inbox')
            .select('id')
            .where({ source: d.source, delivery_key: d.deliveryKey })
            .first();
          results[i] = { id: idOf(existing), duplicate: true };
        }
      }
    });
    return results;
  }

  async claim(options: {
    holder: string;
    limit: number;
    leaseMs: number;
    now: Date;
  }): Promise<ClaimedDelivery[]> {
    const { holder, limit, leaseMs, now } = options;
    const due = this.db('inbox')
      .select('id')
      .where('status', 'pending')
      .andWhere(q =>
        q.whereNull('next_attempt_at').orWhere('next_attempt_at', '<=', now),
      )
      .andWhere(q =>
        q.whereNull('lease_until').orWhere('lease_until', '<', now),
      )
      .orderBy('id', 'asc')
      .limit(limit);
    if (this.postgres) due.forUpdate().skipLocked();
    const rows: Row[] = await this.db('inbox')
      .whereIn('id', due)
      .update({
        lease_holder: holder,
        lease_until: new Date(now.getTime() + leaseMs),
        last_attempt_at: now,
        attempts: this.db.raw('attempts + 1'),
      })
      .returning([
        'id',
        'source',
        'kind',
        'body',
        'received_at',
        'entity_ref',
        'attempts',
      ]);
    return rows
      .map(r => ({
        id: String(r.id),
        source: r.source as InboxSource,
        kind: r.kind,
        body: r.body,
        receivedAt: new Date(toIso(r.received_at)),
        entityRef: r.entity_ref ?? null,
        attempts: Number(r.attempts),
      }))
      .sort((a, b) => Number(a.id) - Number(b.id));
  }

  async settle(
    holder: string,
    outcomes: DeliveryOutcome[],
    now: Date,
  ): Promise<void> {
    const released = { lease_holder: null, lease_until: null };
    await this.db.transaction(async tx => {
      const plain = outcomes.filter(o => o.status === 'processed' && !o.error);
      if (plain.length > 0) {
        await tx('inbox')
          .whereIn(
            'id',
            plain.map(o => Number(o.id)),
          )
          .andWhere('lease_holder', holder)
          .update({
            ...released,
            status: 'processed',
            processed_at: now,
            error: null,
          });
      }
      for (const outcome of outcomes) {
        if (outcome.status === 'processed' && !outcome.error) continue;
        const patch =
          outcome.status === 'retry'
            ? {
                status: 'pending',
                next_attempt_at: outcome.nextAttemptAt,
                error: outcome.error,
              }
            : {
                status: outcome.status,
                processed_at: now,
                error: outcome.error ?? null,
              };
        await tx('inbox')
          .where('id', Number(outcome.id))
          .andWhere('lease_holder', holder)
          .update({ ...released, ...patch });
      }
    });
  }

  async list(query: {
    status: DeliveryStatus;
    limit: number;
    afterId?: string;
  }): Promise<{ items: InboxDeliverySummary[]; nextCursor: string | null }> {
    const q = this.db('inbox')
      .select(
        'id',
        'source',
        'kind',
        'status',
        'attempts',
        'error',
        'received_at',
        'last_attempt_at',
        'next_attempt_at',
        'entity_ref',
        this.db.raw('substr(body, 1, ?) as excerpt', [EXCERPT_CHARS]),
      )
      .where('status', query.status)
      .orderBy('id', 'desc')
      .limit(query.limit + 1);
    if (query.afterId) q.andWhere('id', '<', Number(query.afterId));
    const rows: Row[] = await q;
    const items = rows.slice(0, query.limit).map(summaryOf);
    return {
      items,
      nextCursor: rows.length > query.limit ? items[items.length - 1].id : null,
    };
  }

  async retry(
    id: string,
    now: Date,
  ): Promise<InboxDeliverySummary | undefined> {
    const updated = await this.db('inbox')
      .where('id', Number(id))
      .whereIn('status', ['failed', 'pending'])
      .update({
        status: 'pending',
        attempts: 0,
        next_attempt_at: now,
        processed_at: null,
        lease_holder: null,
        lease_until: null,
      });
    if (updated === 0) return undefined;
    const row = await this.db('inbox')
      .select(
        '*',
        this.db.raw('substr(body, 1, ?) as excerpt', [EXCERPT_CHARS]),
      )
      .where('id', Number(id))
      .first();
    return summaryOf(row);
  }

  async prune(before: Date): Promise<number> {
    return this.db('inbox')
      .whereNot('status', 'pending')
      .andWhere('received_at', '<', before)
      .delete();
  }
}

function summaryOf(r: Row): InboxDeliverySummary {
  return {
    id: String(r.id),
    source: r.source,
    kind: r.kind,
    status: r.status,
    attempts: Number(r.attempts),
    error: r.error ?? null,
    receivedAt: toIso(r.received_at),
    lastAttemptAt: toIsoOrNull(r.last_attempt_at ?? null),
    nextAttemptAt: toIsoOrNull(r.next_attempt_at ?? null),
    entityRef: r.entity_ref ?? null,
    excerpt: r.excerpt ?? '',
  };
}
