import type {
  Deployment,
  DeploymentBody,
} from '@sre-control-center/plugin-sre-control-center-common';

/** A deployment as the webhook reports it, validated. */
export type DeploymentReport = Omit<DeploymentBody, 'runId'> & {
  runId: string;
};

/** What recording did: a new deployment, a status change, or nothing (a replay). */
export type RecordOutcome = 'created' | 'updated' | 'unchanged';

/** Deployments, one per (System, environment, commit, workflow run). */
export interface DeploymentStore {
  /**
   * Inserts the deployment, or changes the status of the one with the same
   * identity when `canReplace(previous)` says so. Atomic on both databases.
   */
  record(
    report: DeploymentReport,
    at: Date,
    canReplace: (previous: Deployment) => boolean,
  ): Promise<{ deployment: Deployment; outcome: RecordOutcome }>;
  /** Newest first. */
  list(
    entityRef: string,
    options: { limit: number; before?: Date },
  ): Promise<Deployment[]>;
}

/** The GitHub repository (`owner/name`) of a System: its github.com/project-slug annotation. */
export interface SystemRepositories {
  /** Undefined when the System does not exist; null when it has no slug. */
  repositoryOf(entityRef: string): Promise<string | null | undefined>;
}

/** Tells open pages that a System got a deployment. */
export interface DeploymentPublisher {
  deploymentChanged(deployment: Deployment): Promise<void>;
}
