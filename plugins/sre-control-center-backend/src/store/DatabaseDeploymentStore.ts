import type { Deployment } from '@sre-control-center/plugin-sre-control-center-common';
import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import type {
  DeploymentReport,
  DeploymentStore,
  RecordOutcome,
} from '../domain/deployments/ports';
import { toIso } from './time';

interface Row {
  id: string;
  entity_ref: string;
  environment: string;
  commit_sha: string;
  run_id: string;
  version: string;
  status: Deployment['status'];
  actor: string;
  url: string | null;
  deployed_at: Date | string | number;
  updated_at: Date | string | number;
}

const fromRow = (row: Row): Deployment => ({
  id: row.id,
  entityRef: row.entity_ref,
  version: row.version,
  commit: row.commit_sha,
  environment: row.environment,
  status: row.status,
  actor: row.actor,
  url: row.url,
  runId: row.run_id,
  deployedAt: toIso(row.deployed_at),
  updatedAt: toIso(row.updated_at),
});

/** The deployment's id: a hash of its identity, so replays name the same row. */
export function deploymentId(report: DeploymentReport): string {
  return createHash('sha256')
    .update(
      [report.entityRef, report.environment, report.commit, report.runId].join(
        '\n',
      ),
    )
    .digest('hex')
    .slice(0, 32);
}

/** knex implementation of the deployment store (SQLite and PostgreSQL). */
export class DatabaseDeploymentStore implements DeploymentStore {
  constructor(private readonly db: Knex) {}

  async record(
    report: DeploymentReport,
    at: Date,
    canReplace: (previous: Deployment) => boolean,
  ): Promise<{ deployment: Deployment; outcome: RecordOutcome }> {
    const id = deploymentId(report);
    const inserted = await this.db('deployments')
      .insert({
        id,
        entity_ref: report.entityRef,
        environment: report.environment,
        commit_sha: report.commit,
        run_id: report.runId,
        version: report.version,
        status: report.status,
        actor: report.actor,
        url: report.url ?? null,
        deployed_at: at,
        updated_at: at,
      })
      .onConflict(['entity_ref', 'environment', 'commit_sha', 'run_id'])
      .ignore()
      .returning('id');
    if (inserted.length > 0) {
      return { deployment: await this.get(id), outcome: 'created' };
    }
    const previous = await this.get(id);
    if (!canReplace(previous)) {
      return { deployment: previous, outcome: 'unchanged' };
    }
    // Conditional on the status read: of two concurrent reports one wins, the other is a no-op.
    const changed = await this.db('deployments')
      .where({ id, status: previous.status })
      .update({
        status: report.status,
        actor: report.actor,
        url: report.url ?? previous.url,
        updated_at: at,
      });
    return {
      deployment: await this.get(id),
      outcome: changed > 0 ? 'updated' : 'unchanged',
    };
  }

  async list(
    entityRef: string,
    options: { limit: number; before?: Date },
  ): Promise<Deployment[]> {
    const query = this.db<Row>('deployments')
      .where('entity_ref', entityRef)
      .orderBy([
        { column: 'deployed_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(options.limit);
    if (options.before) query.where('deployed_at', '<=', options.before);
    return (await query).map(fromRow);
  }

  private async get(id: string): Promise<Deployment> {
    const row = await this.db<Row>('deployments').where({ id }).first();
    if (!row) throw new Error(`deployment ${id} vanished`);
    return fromRow(row as Row);
  }
}
