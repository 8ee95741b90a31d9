/**
 * The plugin alone in a test backend, run as its own process: on a SQLite
 * file, so that a test can SIGKILL it mid-work and start it again on the same
 * file (src/tests/restartRecovery.test.ts), or on a PostgreSQL database that
 * several such processes share as replicas (src/tests/twoReplicas.test.ts).
 * Options come as JSON in SRE_CC_CHILD; prints `READY <port>` once it serves.
 */
import { randomUUID } from 'node:crypto';
import { databaseServiceFactory } from '@backstage/backend-defaults/database';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import { createBackendModule } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  eventsServiceFactory,
  eventsServiceRef,
} from '@backstage/plugin-events-node';
import type { JsonObject } from '@backstage/types';
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
  /**
   * With `postgres`: run the events backend too, with its PostgreSQL event
   * bus (`events.useEventBus: always`, as app-config.production.yaml), and
   * print every event on the `signals` topic as
   * `SIGNAL <channel> <type> <alert ids>`. That topic is what signals-backend
   * subscribes to and pushes to browsers; the subscriber here takes its
   * place, because signals-backend's WebSocket route does not start in
   * backend-test-utils' test backend.
   */
  eventBus?: boolean;
}

/**
 * A subscriber of the `signals` topic, with an id of its own per process
 * (as signals-backend's, from `instanceMetadata`): the bus hands each event
 * to every distinct subscriber id, so every replica hears every signal.
 */
const printSignals = createBackendModule({
  pluginId: 'events',
  moduleId: 'test-signal-printer',
  register(env) {
    env.registerInit({
      deps: { events: eventsServiceRef },
      async init({ events }) {
        await events.subscribe({
          id: `test-signal-printer-${randomUUID()}`,
          topics: ['signals'],
          async onEvent(event) {
            const { channel, message } = event.eventPayload as {
              channel: string;
              message: { type: string; alerts?: Array<{ id: string }> };
            };
            const ids = (message.alerts ?? []).map(a => a.id).join(',');
            process.stdout.write(`SIGNAL ${channel} ${message.type} ${ids}\n`);
          },
        });
      },
    });
  },
});

async function main() {
  const options: ChildBackendOptions = JSON.parse(
    process.env.SRE_CC_CHILD ?? '{}',
  );
  const databaseAndEvents = options.eventBus
    ? [
        import('@backstage/plugin-events-backend'),
        // The real events service (the test backend's is an in-memory mock),
        // which publishes and subscribes through the events backend's bus.
        eventsServiceFactory,
        printSignals,
        // Each plugin in a schema of its own in the test's database, as
        // Backstage's own database manager does: the events backend and this
        // plugin both keep their migrations in knex's default table.
        databaseServiceFactory,
      ]
    : [
        mockServices.database.factory({
          knex: options.postgres
            ? knexFactory({ client: 'pg', connection: options.postgres })
            : knexFactory({
                client: 'better-sqlite3',
                connection: { filename: options.sqliteFile ?? ':memory:' },
                useNullAsDefault: true,
              }),
        }),
      ];
  const backend = await startTestBackend({
    features: [
      sreControlCenterPlugin,
      ...databaseAndEvents,
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
          ...(options.eventBus && {
            backend: {
              database: {
                client: 'pg',
                connection: options.postgres as JsonObject,
                pluginDivisionMode: 'schema',
              },
            },
            events: { useEventBus: 'always' },
          }),
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
