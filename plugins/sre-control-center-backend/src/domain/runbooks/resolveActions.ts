import type { RunbookAction } from '@sre-control-center/plugin-sre-control-center-common';
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
  resourceGroupId: string,
): ResolvedAction[] {
  const group = resourceGroupId.replace(/\/+$/, '').toLocaleLowerCase('en-US');
  return actions.map(action => ({
    action,
    resourceId: `${group}/providers/${
      PROVIDER_PATH[action.type]
    }/${action.resource.toLocaleLowerCase('en-US')}`,
  }));
}
