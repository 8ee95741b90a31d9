import type { AuthService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_AZURE_RESOURCE_ID,
  ANNOTATION_TERRAFORM_OUTPUTS_CHECKED_AT,
  ANNOTATION_TERRAFORM_OUTPUTS_ERROR,
  ANNOTATION_TERRAFORM_OUTPUTS_READ_AT,
  ANNOTATION_TERRAFORM_OUTPUTS_SOURCE,
  ANNOTATION_TERRAFORM_OUTPUTS_STATUS,
  type TerraformOutputsStatus,
} from '@sre-control-center/plugin-sre-control-center-common';
import type { ProjectScope } from '../../domain/projects';
import type {
  InventoryResource,
  StackInventory,
} from '../../domain/stack/ports';

/**
 * The System's Resource entities (partOf the System), which the catalog
 * module makes from Terraform outputs, and the module's last status from
 * their annotations. One catalog query per refresh.
 */
export class CatalogStackInventory implements StackInventory {
  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
  ) {}

  async resourcesOf(project: ProjectScope) {
    const { items } = await this.catalog.getEntities(
      {
        filter: { kind: 'resource', 'relations.partOf': project.entityRef },
        fields: [
          'kind',
          'metadata.name',
          'metadata.namespace',
          'metadata.annotations',
          'spec.type',
        ],
      },
      { credentials: await this.auth.getOwnServiceCredentials() },
    );
    const resources: InventoryResource[] = items
      .map(entity => ({
        entityRef: stringifyEntityRef(entity),
        name: entity.metadata.name,
        type: String(entity.spec?.type ?? ''),
        resourceId: entity.metadata.annotations?.[ANNOTATION_AZURE_RESOURCE_ID],
      }))
      .sort((a, b) => a.name.localeCompare(b.name));

    // The newest check of any of them is the module's last word.
    let terraformOutputs: TerraformOutputsStatus = {
      status: 'unknown',
      checkedAt: null,
      readAt: null,
      error: null,
      source: null,
    };
    for (const entity of items) {
      const a = entity.metadata.annotations ?? {};
      const checkedAt = a[ANNOTATION_TERRAFORM_OUTPUTS_CHECKED_AT];
      if (!checkedAt) continue;
      if (terraformOutputs.checkedAt && terraformOutputs.checkedAt >= checkedAt)
        continue;
      const status = a[ANNOTATION_TERRAFORM_OUTPUTS_STATUS];
      terraformOutputs = {
        status: status === 'ok' || status === 'error' ? status : 'unknown',
        checkedAt,
        readAt: a[ANNOTATION_TERRAFORM_OUTPUTS_READ_AT] ?? null,
        error: a[ANNOTATION_TERRAFORM_OUTPUTS_ERROR] ?? null,
        source: a[ANNOTATION_TERRAFORM_OUTPUTS_SOURCE] ?? null,
      };
    }
    return { resources, terraformOutputs };
  }
}
