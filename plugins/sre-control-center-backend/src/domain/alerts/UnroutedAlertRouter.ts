import type { ProjectResolver } from '../projects';
import type { AlertChangeListener, UnroutedAlerts } from './ports';

/** Resource groups looked at per pass; the next pass takes the rest. */
const GROUPS_PER_PASS = 200;

/**
 * Moves unrouted alerts to the System that claims their resource group once
 * the catalog has one (a System registered, or given the annotation, after
 * its first alerts). Scheduled, so the work does not grow with every new
 * delivery: one catalog lookup (cached) per distinct resource group.
 */
export class UnroutedAlertRouter {
  constructor(
    private readonly options: {
      projects: ProjectResolver;
      unrouted: UnroutedAlerts;
      listener: AlertChangeListener;
      now?: () => Date;
    },
  ) {}

  /** Resolves how many alerts moved. */
  async route(): Promise<number> {
    const { projects, unrouted, listener } = this.options;
    let moved = 0;
    for (const group of await unrouted.unroutedResourceGroups(
      GROUPS_PER_PASS,
    )) {
      const entityRef = await projects.projectForResourceGroup(group);
      if (!entityRef) continue;
      const alerts = await unrouted.route(
        group,
        entityRef,
        this.options.now?.() ?? new Date(),
      );
      moved += alerts.length;
      await listener.alertsChanged(alerts);
    }
    return moved;
  }
}
