/**
 * The plugin alone in a test backend, run as its own process: on a SQLite
 * file, so that a test can SIGKILL it mid-work and start it again on the same
 * file (src/tests/restartRecovery.test.ts), or on a PostgreSQL database that
 * several such processes share as replicas (src/tests/twoReplicas.test.ts).
 * Options come as JSON in SRE_CC_CHILD; prints `READY <port>` once it serves.
 */
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import knexFactory from 'knex';
import { sreControlCenterPlugin } from '../../plugin';

export interface ChildBackendOptions {
  sqliteFile?: string;
  /** A PostgreSQL connection (knex's `connection`) instead of the SQLite file. */
  postgres?: Record<string, unknown>;
  webhookToken: string;
  azureEndpoint: string;
  /** Catalog entities (Systems) this run of the backend knows. */
  entities: Array<Record<string, unknown>>;
}

async function main() {
  const options: ChildBackendOptions = JSON.parse(
    process.env.SRE_CC_CHILD ?? '{}',
  );
  const knex = options.postgres
    ? knexFactory({ client: 'pg', connection: options.postgres })
    : knexFactory({
        client: 'better-sqlite3',
        connection: { filename: options.sqliteFile ?? ':memory:' },
        useNullAsDefault: true,
      });
  const backend = await startTestBackend({
    features: [
      sreControlCenterPlugin,
      mockServices.database.factory({ knex }),
      catalogServiceMock.factory({
        entities: options.entities as never,
      }),
      // The real scheduler, as in production: the mock runs each task once at
      // start and never again, so a batch the killed process had claimed
      // (free again after its lease) would never be drained, and replicas
      // would not share global tasks through the database's locks.
      schedulerServiceFactory,
      mockServices.rootConfig.factory({
        data: {
          sreControlCenter: {
            webhookToken: options.webhookToken,
            azure: { endpoint: options.azureEndpoint },
          },
        },
      }),
    ],
  });
  process.stdout.write(`READY ${backend.server.port()}\n`);
}

main().catch(error => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exit(1);
});
