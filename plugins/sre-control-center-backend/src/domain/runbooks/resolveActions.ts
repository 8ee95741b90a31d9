import type { RunbookAction } from '@sre-control-center/plugin-sre-control-center-common';
import { normalizeArmId } from '../alerts/resourceIds';
import type { ProjectScope } from '../projects';
import type { ResolvedAction } from './types';

const PROVIDER_PATH: Record<RunbookAction['type'], string> = {
  restart: 'microsoft.web/sites',
  rollback: 'microsoft.web/sites',
  scale: 'microsoft.web/serverfarms',
  execute_query: 'microsoft.dbforpostgresql/flexibleservers',
};

/** Binds runbook actions (resource names) to ARM ids in the System's resource group. */
export function resolveActions(
  actions: RunbookAction[],
  project: Pick<ProjectScope, 'entityRef' | 'resourceGroupId'>,
): ResolvedAction[] {
  const group = normalizeArmId(project.resourceGroupId);
  return actions.map(action => ({
    action,
    entityRef: project.entityRef,
    resourceId: `${group}/providers/${
      PROVIDER_PATH[action.type]
    }/${action.resource.toLocaleLowerCase('en-US')}`,
  }));
}
