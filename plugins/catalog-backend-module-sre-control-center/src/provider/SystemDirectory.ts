import type {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import {
  ANNOTATION_LOCATION,
  parseEntityRef,
  stringifyEntityRef,
  type Entity,
} from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { ANNOTATION_AZURE_RESOURCE_GROUP } from '@sre-control-center/plugin-sre-control-center-common';
import { parseResourceGroupId } from '../outputs/armResourceId';
import type { StackSystem } from './resourceEntity';

/**
 * A System with what the provider needs from it.
 *
 * @public
 */
export interface SystemScope extends StackSystem {
  /** Subscription of the System's `sre-control-center/azure-resource-group` annotation. */
  subscriptionId: string;
}

/**
 * What the provider reads from the catalog.
 *
 * @public
 */
export interface SystemDirectory {
  /** The System, or a message saying why it cannot own a stack. */
  getSystem(ref: string): Promise<SystemScope | { problem: string }>;
  /** Entities the catalog has under a managed-by-location (the last good set after a restart). */
  entitiesAt(location: string): Promise<Entity[]>;
}

/**
 * The SystemDirectory over the catalog service, with the module's own service credentials.
 *
 * @public
 */
export class CatalogSystemDirectory implements SystemDirectory {
  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
  ) {}

  private async credentials(): Promise<{ credentials: BackstageCredentials }> {
    return { credentials: await this.auth.getOwnServiceCredentials() };
  }

  async getSystem(ref: string): Promise<SystemScope | { problem: string }> {
    const entity = await this.catalog.getEntityByRef(
      ref,
      await this.credentials(),
    );
    if (!entity)
      return { problem: `System ${ref} is not in the catalog (yet)` };
    const annotation =
      entity.metadata.annotations?.[ANNOTATION_AZURE_RESOURCE_GROUP];
    const group = annotation ? parseResourceGroupId(annotation) : undefined;
    if (!group) {
      return {
        problem: `System ${ref} has no valid ${ANNOTATION_AZURE_RESOURCE_GROUP} annotation (/subscriptions/<id>/resourceGroups/<name>)`,
      };
    }
    const owner = entity.spec?.owner;
    if (typeof owner !== 'string' || !owner) {
      return { problem: `System ${ref} has no spec.owner` };
    }
    const namespace = entity.metadata.namespace ?? 'default';
    return {
      ref: stringifyEntityRef(entity).toLocaleLowerCase('en-US'),
      namespace,
      owner: stringifyEntityRef(
        parseEntityRef(owner, {
          defaultKind: 'group',
          defaultNamespace: namespace,
        }),
      ),
      subscriptionId: group.subscriptionId,
    };
  }

  async entitiesAt(location: string): Promise<Entity[]> {
    const { items } = await this.catalog.getEntities(
      {
        filter: {
          kind: 'Resource',
          [`metadata.annotations.${ANNOTATION_LOCATION}`]: location,
        },
      },
      await this.credentials(),
    );
    return items;
  }
}
