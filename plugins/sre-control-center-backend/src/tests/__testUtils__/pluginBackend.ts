import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import type { JsonObject } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { Knex } from 'knex';
import { sreControlCenterPlugin } from '../../plugin';

type BackendFeature = NonNullable<
  Parameters<typeof startTestBackend>[0]['features']
>[number];

/**
 * The plugin in a test backend, with what the integration tests vary: the
 * database, the catalog's entities, the permission decision, the
 * `sreControlCenter` block and any extra service factories.
 */
export async function startPluginBackend(options: {
  knex?: Knex;
  entities?: Entity[];
  permission?: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
  config: JsonObject;
  /** Other top-level config (e.g. `integrations`). */
  rootConfig?: JsonObject;
  features?: BackendFeature[];
}) {
  const { server } = await startTestBackend({
    features: [
      sreControlCenterPlugin,
      ...(options.knex
        ? [mockServices.database.factory({ knex: options.knex })]
        : []),
      ...(options.entities
        ? [catalogServiceMock.factory({ entities: options.entities })]
        : []),
      ...(options.permission === undefined
        ? []
        : [mockServices.permissions.factory({ result: options.permission })]),
      mockServices.rootConfig.factory({
        data: { ...options.rootConfig, sreControlCenter: options.config },
      }),
      ...(options.features ?? []),
    ],
  });
  return server;
}
