import type { AuthService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_AZURE_RESOURCE_GROUP,
  ANNOTATION_BUDGET,
} from '@sre-control-center/plugin-sre-control-center-common';
import type { ProjectResolver, ProjectScope } from '../../domain/projects';
import {
  normalizeArmId,
  resourceGroupIdOf,
} from '../../domain/alerts/resourceIds';

/** How long a resource-group → System mapping is reused; catalog edits show up after this. */
const TTL_MS = 60_000;
/** A resource group we do not know yet triggers a fresh look, at most this often. */
const MISS_REFRESH_MS = 5_000;

/**
 * Finds the System whose `sre-control-center/azure-resource-group`
 * annotation names the resource group. One catalog query per minute serves
 * every alert of a burst.
 */
export class CatalogProjectResolver implements ProjectResolver {
  private cache:
    | { at: number; byGroup: Map<string, ProjectScope>; systems: Set<string> }
    | undefined;

  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
    private readonly now: () => number = Date.now,
  ) {}

  async projectForResourceGroup(
    resourceGroupId: string,
  ): Promise<string | undefined> {
    const key = normalizeArmId(resourceGroupId);
    const hit = (await this.mapping()).get(key);
    if (hit || !this.cache || this.now() - this.cache.at < MISS_REFRESH_MS) {
      return hit?.entityRef;
    }
    // A System may have been registered since the mapping was read.
    this.cache = undefined;
    return (await this.mapping()).get(key)?.entityRef;
  }

  async listProjects(): Promise<ProjectScope[]> {
    return [...(await this.mapping()).values()];
  }

  async isSystem(entityRef: string): Promise<boolean> {
    const ref = entityRef.toLocaleLowerCase('en-US');
    await this.mapping();
    if (this.cache!.systems.has(ref)) return true;
    if (this.now() - this.cache!.at < MISS_REFRESH_MS) return false;
    // A System may have been registered since the list was read.
    this.cache = undefined;
    await this.mapping();
    return this.cache!.systems.has(ref);
  }

  private async mapping(): Promise<Map<string, ProjectScope>> {
    if (this.cache && this.now() - this.cache.at < TTL_MS) {
      return this.cache.byGroup;
    }
    // Every System, with or without the annotation: webhooks may name any of them.
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
    const byGroup = new Map<string, ProjectScope>();
    const systems = new Set<string>();
    for (const entity of items) {
      systems.add(stringifyEntityRef(entity).toLocaleLowerCase('en-US'));
      const annotations = entity.metadata.annotations ?? {};
      const group = annotations[ANNOTATION_AZURE_RESOURCE_GROUP];
      if (!group) continue;
      // Only a resource group id in its real shape ties a System to Azure.
      const resourceGroupId = resourceGroupIdOf(group);
      if (!resourceGroupId || resourceGroupId !== normalizeArmId(group)) {
        continue;
      }
      const budgetName = annotations[ANNOTATION_BUDGET];
      byGroup.set(resourceGroupId, {
        entityRef: stringifyEntityRef(entity).toLocaleLowerCase('en-US'),
        resourceGroupId,
        ...(budgetName ? { budgetName } : {}),
      });
    }
    this.cache = { at: this.now(), byGroup, systems };
    return byGroup;
  }
}
