import {
  ANNOTATION_AZURE_RESOURCE_GROUP,
  type Alert,
  type UnroutedAlert,
} from '@sre-control-center/plugin-sre-control-center-common';
import { resourceGroupIdOf } from './resourceIds';

/** What would route an unrouted alert: the annotation a System needs, or `?entityRef=`. */
export function withRoutingHint(alert: Alert): UnroutedAlert {
  const group = alert.targetResourceId
    ? resourceGroupIdOf(alert.targetResourceId)
    : undefined;
  if (group) {
    return {
      ...alert,
      routingHint: {
        message: `No System claims resource group ${group}: give the System it belongs to the annotation ${ANNOTATION_AZURE_RESOURCE_GROUP}: ${group}. Its alerts move there within a minute.`,
        annotation: { name: ANNOTATION_AZURE_RESOURCE_GROUP, value: group },
      },
    };
  }
  return {
    ...alert,
    routingHint: {
      message:
        'The alert names no resource in a resource group (service health, subscription-wide rules): add ?entityRef=system:<namespace>/<name> to the webhook URL of the action group that sends it.',
      annotation: null,
    },
  };
}
