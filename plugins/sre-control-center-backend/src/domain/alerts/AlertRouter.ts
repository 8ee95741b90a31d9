import type { ProjectResolver } from '../projects';
import { resourceGroupIdOf } from './resourceIds';
import type { AlertDestination, AlertNotification } from './types';

const UNROUTED: AlertDestination = { entityRef: null, routing: null };

/**
 * Decides which System an alert belongs to. Its target's resource group is
 * the System's own stack (the `sre-control-center/azure-resource-group`
 * annotation): only alerts routed that way may start runbooks on their own.
 * A System named explicitly (an Alertmanager label, the webhook URL's
 * `?entityRef=`) takes the alert, but only as a System the catalog has; an
 * alert that neither routes is unrouted, kept and listed for operators.
 */
export class AlertRouter {
  constructor(private readonly projects: ProjectResolver) {}

  async destinationOf(
    notification: AlertNotification,
    namedOnUrl: string | null,
  ): Promise<AlertDestination> {
    const byStack = await this.systemOfTarget(notification);
    const named = notification.entityRef ?? namedOnUrl ?? undefined;
    if (!named || named === byStack) {
      return byStack
        ? { entityRef: byStack, routing: 'resource-group' }
        : UNROUTED;
    }
    // Checked at the webhook too; the System may have left the catalog since.
    if (!(await this.projects.isSystem(named))) {
      return byStack
        ? { entityRef: byStack, routing: 'resource-group' }
        : UNROUTED;
    }
    return {
      entityRef: named,
      routing: notification.entityRef ? 'label' : 'webhook-url',
    };
  }

  private async systemOfTarget(
    notification: AlertNotification,
  ): Promise<string | undefined> {
    for (const target of notification.targetResourceIds) {
      const group = resourceGroupIdOf(target);
      const system = group
        ? await this.projects.projectForResourceGroup(group)
        : undefined;
      if (system) return system;
    }
    return undefined;
  }
}
