import type { AuthService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { ANNOTATION_GITHUB_PROJECT_SLUG } from '@sre-control-center/plugin-sre-control-center-common';
import type { SystemRepositoryDirectory } from '../../domain/issues/ports';

/** Systems change rarely; deliveries and syncs ask often. */
const TTL_MS = 15_000;

/** Systems and their `github.com/project-slug`, from the catalog. */
export class CatalogSystemRepositoryDirectory
  implements SystemRepositoryDirectory
{
  private cache:
    | { at: number; items: Array<{ entityRef: string; slug: string }> }
    | undefined;

  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
  ) {}

  async list(): Promise<Array<{ entityRef: string; slug: string }>> {
    if (this.cache && Date.now() - this.cache.at < TTL_MS) {
      return this.cache.items;
    }
    const { items } = await this.catalog.getEntities(
      {
        filter: { kind: 'system' },
        fields: [
          'kind',
          'metadata.name',
          'metadata.namespace',
          'metadata.annotations',
        ],
      },
      { credentials: await this.auth.getOwnServiceCredentials() },
    );
    const list = items.flatMap(entity => {
      const slug =
        entity.metadata.annotations?.[ANNOTATION_GITHUB_PROJECT_SLUG];
      return slug
        ? [
            {
              entityRef: stringifyEntityRef(entity).toLocaleLowerCase('en-US'),
              slug,
            },
          ]
        : [];
    });
    this.cache = { at: Date.now(), items: list };
    return list;
  }

  async slugOf(entityRef: string): Promise<string | null | undefined> {
    const entity = await this.catalog.getEntityByRef(entityRef, {
      credentials: await this.auth.getOwnServiceCredentials(),
    });
    if (!entity || entity.kind.toLowerCase() !== 'system') return undefined;
    return (
      entity.metadata.annotations?.[ANNOTATION_GITHUB_PROJECT_SLUG] ?? null
    );
  }
}
