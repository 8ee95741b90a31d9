import {
  ConflictError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import type {
  Deployment,
  DeploymentStatus,
} from '@sre-control-center/plugin-sre-control-center-common';
import type {
  DeploymentPublisher,
  DeploymentReport,
  DeploymentStore,
  RecordOutcome,
  SystemRepositories,
} from './ports';

const FINISHED: ReadonlySet<DeploymentStatus> = new Set([
  'success',
  'failure',
  'cancelled',
]);

/**
 * Whether a report may change a recorded deployment of the same run: a
 * finished status replaces in_progress, and a re-run attempt may turn
 * failure into success; a late in_progress never undoes a finish.
 */
export function replaces(
  previous: DeploymentStatus,
  next: DeploymentStatus,
): boolean {
  if (previous === next) return false;
  if (!FINISHED.has(next)) return false;
  return true;
}

/**
 * Records what the app-deploy workflow reports. Idempotent on (System,
 * environment, commit, run): a replay changes nothing and answers the
 * recorded deployment.
 */
export class DeploymentRecorder {
  constructor(
    private readonly options: {
      store: DeploymentStore;
      systems: SystemRepositories;
      publisher?: DeploymentPublisher;
      now?: () => Date;
    },
  ) {}

  /**
   * @param repository - the caller's repository when it proved one (GitHub
   * OIDC); it must be the System's github.com/project-slug.
   */
  async record(
    report: DeploymentReport,
    caller: { repository?: string } = {},
  ): Promise<{ deployment: Deployment; outcome: RecordOutcome }> {
    const slug = await this.options.systems.repositoryOf(report.entityRef);
    if (slug === undefined) {
      throw new NotFoundError(`No System ${report.entityRef} in the catalog`);
    }
    if (caller.repository !== undefined) {
      if (!slug) {
        throw new ConflictError(
          `${report.entityRef} has no github.com/project-slug annotation, so no repository may report its deployments with a GitHub OIDC token`,
        );
      }
      if (slug.toLowerCase() !== caller.repository.toLowerCase()) {
        throw new NotAllowedError(
          `The token is for repository ${caller.repository}, but ${report.entityRef} is ${slug} (github.com/project-slug)`,
        );
      }
    }
    let versionClash: Deployment | undefined;
    const result = await this.options.store.record(
      report,
      this.options.now?.() ?? new Date(),
      previous => {
        if (previous.version !== report.version) {
          versionClash = previous;
          return false;
        }
        return replaces(previous.status, report.status);
      },
    );
    if (versionClash) {
      throw new ConflictError(
        `Run ${report.runId} of commit ${report.commit.slice(0, 7)} to ${
          report.environment
        } was recorded as version ${versionClash.version}, not ${
          report.version
        }`,
      );
    }
    if (result.outcome !== 'unchanged') {
      await this.options.publisher?.deploymentChanged(result.deployment);
    }
    return result;
  }
}
