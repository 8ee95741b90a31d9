import type { NotificationService } from '@backstage/plugin-notifications-node';
import type { EscalationNotifier } from '../../domain/escalation';

/** The Control Center tab of a System, e.g. /catalog/default/system/mindful-moments/control-center. */
export function controlCenterLink(entityRef: string): string {
  const match = /^system:([^/]+)\/(.+)$/.exec(entityRef);
  return match
    ? `/catalog/${match[1]}/system/${match[2]}/control-center`
    : '/sre-control-center';
}

/** Escalation pages in the portal's notification bell (Backstage notifications), topic `escalation`. */
export class BackstageEscalationNotifier implements EscalationNotifier {
  constructor(private readonly notifications: NotificationService) {}

  async notify(
    page: Parameters<EscalationNotifier['notify']>[0],
  ): Promise<void> {
    const { alert } = page;
    await this.notifications.send({
      recipients: { type: 'entity', entityRef: page.user },
      payload: {
        title: `On call: ${alert.severity} ${alert.name}`,
        description: `${alert.description ?? alert.name} (level ${
          page.level + 1
        }). Acknowledge it in the Control Center${
          page.level > 0 ? '' : ' before the phone rings'
        }.`,
        link: controlCenterLink(alert.entityRef ?? ''),
        severity: alert.severity === 'Sev0' ? 'critical' : 'high',
        topic: 'escalation',
        // One notification per escalation: a later level updates it.
        scope: `sre-control-center:escalation:${page.escalationId}:${page.user}`,
      },
    });
  }
}
