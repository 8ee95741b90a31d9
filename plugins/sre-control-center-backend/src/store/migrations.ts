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
      const locked = (error as Error)?.name === 'MigrationLocked';
      if (!locked || Date.now() + delay > deadline) throw error;
      await new Promise(resolve => setTimeout(resolve, delay));
    }
  }
}

export { migrationsDir };
