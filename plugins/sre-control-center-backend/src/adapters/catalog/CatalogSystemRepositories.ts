import type { AuthService } from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { ANNOTATION_GITHUB_PROJECT_SLUG } from '@sre-control-center/plugin-sre-control-center-common';
import type { SystemRepositories } from '../../domain/deployments/ports';

/** A System's repository from its github.com/project-slug annotation. */
export class CatalogSystemRepositories implements SystemRepositories {
  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
  ) {}

  async repositoryOf(entityRef: string): Promise<string | null | undefined> {
    const entity = await this.catalog.getEntityByRef(entityRef, {
      credentials: await this.auth.getOwnServiceCredentials(),
    });
    if (!entity || entity.kind.toLowerCase() !== 'system') return undefined;
    return (
      entity.metadata.annotations?.[ANNOTATION_GITHUB_PROJECT_SLUG] ?? null
    );
  }
}
