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
      await new Promise(resolve => setTimeout(resolve, delay));
    }
  }
}

/**
 * Knex's MigrationLocked, or, on an empty PostgreSQL database, the other
 * replica creating knex's own bookkeeping tables at the same moment (a
 * duplicate table, or the same type name in pg_type); the next try finds
 * them.
 */
function anotherReplicaMigrating(error: unknown): boolean {
  const e = error as { name?: string; code?: string; constraint?: string };
  return (
    e?.name === 'MigrationLocked' ||
    e?.code === '42P07' ||
    (e?.code === '23505' && e.constraint === 'pg_type_typname_nsp_index')
  );
}

export { migrationsDir };
