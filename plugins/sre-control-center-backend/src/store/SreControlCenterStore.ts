import type { DatabaseService } from '@backstage/backend-plugin-api';
import type { Knex } from 'knex';
import { DatabaseAlertStore } from './DatabaseAlertStore';
import { DatabaseAuditLog } from './DatabaseAuditLog';
import { DatabaseAlertFiringHistory } from './DatabaseAlertFiringHistory';
import { DatabaseCostSnapshots } from './DatabaseCostSnapshots';
import { DatabaseDeploymentStore } from './DatabaseDeploymentStore';
import { DatabaseEscalationStore } from './DatabaseEscalationStore';
import { DatabaseInbox } from './DatabaseInbox';
import { DatabaseIssueStore } from './DatabaseIssueStore';
import { DatabaseRunStore } from './DatabaseRunStore';
import { DatabaseStackSnapshots } from './DatabaseStackSnapshots';
import { DatabaseTimelineSource } from './DatabaseTimelineSource';
import { connectAndMigrate } from './migrations';

/**
 * The plugin's database: one entry that runs the migrations and hands out a
 * store per area, all on one knex client (as Backstage's
 * `DatabaseNotificationsStore.create` does for notifications).
 */
export class SreControlCenterStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<SreControlCenterStore> {
    return new SreControlCenterStore(await connectAndMigrate(options.database));
  }

  readonly alerts: DatabaseAlertStore;
  readonly inbox: DatabaseInbox;
  readonly runs: DatabaseRunStore;
  readonly audit: DatabaseAuditLog;
  readonly costs: DatabaseCostSnapshots;
  readonly timeline: DatabaseTimelineSource;
  readonly stackSnapshots: DatabaseStackSnapshots;
  readonly firingHistory: DatabaseAlertFiringHistory;
  readonly deployments: DatabaseDeploymentStore;
  readonly issues: DatabaseIssueStore;
  readonly escalations: DatabaseEscalationStore;

  private constructor(readonly db: Knex) {
    this.alerts = new DatabaseAlertStore(db);
    this.inbox = new DatabaseInbox(db);
    this.runs = new DatabaseRunStore(db);
    this.audit = new DatabaseAuditLog(db);
    this.costs = new DatabaseCostSnapshots(db);
    this.timeline = new DatabaseTimelineSource(db, this.audit);
    this.stackSnapshots = new DatabaseStackSnapshots(db);
    this.firingHistory = new DatabaseAlertFiringHistory(db);
    this.deployments = new DatabaseDeploymentStore(db);
    this.issues = new DatabaseIssueStore(db);
    this.escalations = new DatabaseEscalationStore(db);
  }
}
