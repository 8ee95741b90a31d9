import {
  type DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import type { Knex } from 'knex';

const migrationsDir = resolvePackagePath(
  '@sre-control-center/plugin-sre-control-center-backend',
  'migrations',
);

/** Gets the plugin's knex client and brings its schema up to date. */
export async function connectAndMigrate(
  database: DatabaseService,
): Promise<Knex> {
  const client = await database.getClient();
  if (client.client.config.client === 'better-sqlite3') {
    // Backstage leaves SQLite in rollback-journal mode with a sync per commit;
    // webhook bursts need WAL. NORMAL still survives a process crash.
    await client.raw('PRAGMA journal_mode = WAL');
    await client.raw('PRAGMA synchronous = NORMAL');
  }
  if (!database.migrations?.skip) {
    await migrateWhenUnlocked(client);
  }
  return client;
}

/** How long a replica waits for another one's migrations before it gives up. */
const MIGRATION_LOCK_WAIT_MS = 120_000;

/**
 * Runs the migrations, waiting while another replica holds knex's migration
 * lock: knex refuses at once with MigrationLocked, which would make one of
 * two replicas started together fail its start. Once the other is done,
 * `latest` finds nothing left to do.
 */
export async function migrateWhenUnlocked(
  client: Knex,
  waitMs = MIGRATION_LOCK_WAIT_MS,
): Promise<void> {
  const deadline = Date.now() + waitMs;
  for (let delay = 100; ; delay = Math.min(delay * 2, 2_000)) {
    try {
      await client.migrate.latest({ directory: migrationsDir });
      return;
    } catch (error) {
      if (!anotherReplicaMigrating(error) || Date.now() + delay > deadline) {
        throw error;
      }
      if ((error as { name?: string }).name === 'MigrationLocked') {
        await removeDuplicateLockRows(client);
      }
      await new Promise(resolve => setTimeout(resolve, delay));
    }
  }
}

/** Knex's lock table (the default name: the plugin sets none). */
const LOCK_TABLE = 'knex_migrations_lock';

/**
 * Two replicas creating knex's lock table at the same moment can each
 * insert its single row. With two rows knex's `UPDATE ... WHERE is_locked =
 * 0` never changes exactly one, so it reports MigrationLocked on every
 * start of every replica from then on, though nobody holds the lock (it
 * cannot be taken with two rows, so both say 0). Keeping the first row
 * repairs it; two replicas repairing at once delete the same row.
 */
async function removeDuplicateLockRows(client: Knex): Promise<void> {
  const rows: Array<{ index: number }> = await client(LOCK_TABLE)
    .select('index')
    .orderBy('index');
  if (rows.length > 1) {
    await client(LOCK_TABLE).where('index', '>', rows[0].index).delete();
  }
}

/**
 * The unique indexes of PostgreSQL's catalog that a simultaneous
 * `CREATE TABLE` of the same name trips: the row type's name in pg_type, or
 * the relation's name in pg_class, whichever the other transaction reached
 * first.
 */
const CATALOG_NAME_INDEXES = new Set([
  'pg_type_typname_nsp_index',
  'pg_class_relname_nsp_index',
]);

/**
 * Knex's MigrationLocked, or, on an empty PostgreSQL database, the other
 * replica creating knex's own bookkeeping tables at the same moment (a
 * duplicate table, or a duplicate name in PostgreSQL's catalog); the next
 * try finds them.
 */
function anotherReplicaMigrating(error: unknown): boolean {
  const e = error as { name?: string; code?: string; constraint?: string };
  return (
    e?.name === 'MigrationLocked' ||
    e?.code === '42P07' ||
    (e?.code === '23505' && CATALOG_NAME_INDEXES.has(e.constraint ?? ''))
  );
}

export { migrationsDir };
