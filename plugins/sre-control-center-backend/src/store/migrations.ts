import {
  type DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import type { Knex } from 'knex';

const migrationsDir = resolvePackagePath(
  '@internal/plugin-sre-control-center-backend',
  'migrations',
);

/** Gets the plugin's knex client and brings its schema up to date. */
export async function connectAndMigrate(database: DatabaseService): Promise<Knex> {
  const client = await database.getClient();
  if (!database.migrations?.skip) {
    await client.migrate.latest({ directory: migrationsDir });
  }
  return client;
}

export { migrationsDir };
