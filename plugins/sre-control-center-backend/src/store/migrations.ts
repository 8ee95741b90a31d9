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
    await client.migrate.latest({ directory: migrationsDir });
  }
  return client;
}

export { migrationsDir };
