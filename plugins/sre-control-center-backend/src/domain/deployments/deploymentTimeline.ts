import type {
  Deployment,
  TimelineEntry,
} from '@sre-control-center/plugin-sre-control-center-common';

const VERBS: Record<Deployment['status'], string> = {
  in_progress: 'Deploying',
  success: 'Deployed',
  failure: 'Deployment failed:',
  cancelled: 'Deployment cancelled:',
};

/** One timeline line per deployment, at its last status change. */
export function deploymentTimelineEntry(deployment: Deployment): TimelineEntry {
  return {
    at: deployment.updatedAt,
    kind: 'deployment',
    action: `deployment.${deployment.status}`,
    actor: deployment.actor,
    summary: `${VERBS[deployment.status]} ${
      deployment.version
    } (${deployment.commit.slice(0, 7)}) to ${deployment.environment}`,
    target: deployment.url,
  };
}

/** A timeline source for the System's deployments, merged by the timeline like the others. */
export class DeploymentTimelineSource {
  constructor(
    private readonly deployments: {
      list(
        entityRef: string,
        options: { limit: number },
      ): Promise<Deployment[]>;
    },
  ) {}

  async entries(entityRef: string, limit: number): Promise<TimelineEntry[]> {
    return (await this.deployments.list(entityRef, { limit })).map(
      deploymentTimelineEntry,
    );
  }
}
