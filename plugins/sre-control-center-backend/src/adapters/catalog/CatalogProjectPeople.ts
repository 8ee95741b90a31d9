import type { AuthService } from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { ProjectPeople } from '../notifications/ProjectNotifications';

/** A System's owner from its catalog entity (`spec.owner`, a group by default). */
export class CatalogProjectPeople implements ProjectPeople {
  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
  ) {}

  async ownerOf(entityRef: string): Promise<string | undefined> {
    const entity = await this.catalog.getEntityByRef(entityRef, {
      credentials: await this.auth.getOwnServiceCredentials(),
    });
    const owner = entity?.spec?.owner;
    if (typeof owner !== 'string' || !owner) return undefined;
    return owner.includes(':') ? owner : `group:default/${owner}`;
  }
}
