import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  ANNOTATION_VIEW_URL,
  type Entity,
} from '@backstage/catalog-model';
import type { StackResource } from '../outputs/parseTerraformOutputs';
import {
  ANNOTATION_AZURE_RESOURCE_ID,
  ANNOTATION_OUTPUT_NAME,
  ANNOTATION_OUTPUTS_CHECKED_AT,
  ANNOTATION_OUTPUTS_ERROR,
  ANNOTATION_OUTPUTS_READ_AT,
  ANNOTATION_OUTPUTS_SOURCE,
  ANNOTATION_OUTPUTS_STATUS,
} from './annotations';

const TITLES: Record<string, string> = {
  'azure-app-service': 'App Service',
  'azure-app-service-plan': 'App Service plan',
  'azure-postgresql-flexible-server': 'PostgreSQL',
  'azure-storage-account': 'Storage account',
  'azure-key-vault': 'Key Vault',
  'azure-log-analytics-workspace': 'Log Analytics',
  'azure-application-insights': 'Application Insights',
};

/** The System a stack belongs to, as the catalog has it. */
export interface StackSystem {
  /** `system:<namespace>/<name>`, lower-cased. */
  ref: string;
  namespace: string;
  /** The System's `spec.owner`, as a full ref. */
  owner: string;
}

/** `backstage.io/managed-by-location` of one System's Resource entities. */
export function stackLocation(systemRef: string): string {
  return `sre-control-center-terraform:${systemRef}`;
}

export function azurePortalUrl(resourceId: string): string {
  return `https://portal.azure.com/#resource${resourceId}/overview`;
}

/** One Resource entity for one resource of a System's Terraform outputs. */
export function resourceEntity(
  resource: StackResource,
  system: StackSystem,
  read: { source: string; at: string },
): Entity {
  const location = stackLocation(system.ref);
  const kind = TITLES[resource.specType];
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: resource.name,
      namespace: system.namespace,
      title: kind ? `${kind} ${resource.name}` : resource.name,
      description: `${resource.arm.namespace}/${resource.arm.type} in resource group ${resource.arm.resourceGroup}, from the Terraform output ${resource.output}.`,
      annotations: {
        [ANNOTATION_LOCATION]: location,
        [ANNOTATION_ORIGIN_LOCATION]: location,
        [ANNOTATION_AZURE_RESOURCE_ID]: resource.arm.id,
        [ANNOTATION_VIEW_URL]: azurePortalUrl(resource.arm.id),
        [ANNOTATION_OUTPUT_NAME]: resource.output,
        [ANNOTATION_OUTPUTS_SOURCE]: read.source,
        [ANNOTATION_OUTPUTS_STATUS]: 'ok',
        [ANNOTATION_OUTPUTS_CHECKED_AT]: read.at,
        [ANNOTATION_OUTPUTS_READ_AT]: read.at,
      },
      tags: ['azure', 'terraform'],
    },
    spec: {
      type: resource.specType,
      owner: system.owner,
      system: system.ref,
      dependencyOf: [system.ref],
    },
  };
}

/** The same entity after a refused read: last good content, status error and why. */
export function withFailedCheck(
  entity: Entity,
  check: { at: string; error: string },
): Entity {
  return {
    ...entity,
    metadata: {
      ...entity.metadata,
      annotations: {
        ...entity.metadata.annotations,
        [ANNOTATION_OUTPUTS_STATUS]: 'error',
        [ANNOTATION_OUTPUTS_CHECKED_AT]: check.at,
        // Annotation values are strings of any length, but keep the card readable.
        [ANNOTATION_OUTPUTS_ERROR]: check.error.slice(0, 1000),
      },
    },
  };
}

/** An entity read back from the catalog, without what the catalog added (uid, relations, status). */
export function asUnprocessed(entity: Entity): Entity {
  const { uid, etag, generation, ...metadata } =
    entity.metadata as Entity['metadata'] & {
      generation?: number;
    };
  void uid;
  void etag;
  void generation;
  return {
    apiVersion: entity.apiVersion,
    kind: entity.kind,
    metadata,
    spec: entity.spec,
  };
}
