import type { DatabaseService } from '@backstage/backend-plugin-api';
import type { Knex } from 'knex';
import { DatabaseAlertStore } from './DatabaseAlertStore';
import { DatabaseAuditLog } from './DatabaseAuditLog';
import { DatabaseCostSnapshots } from './DatabaseCostSnapshots';
import { DatabaseInbox } from './DatabaseInbox';
import { DatabaseRunStore } from './DatabaseRunStore';
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

  private constructor(readonly db: Knex) {
    this.alerts = new DatabaseAlertStore(db);
    this.inbox = new DatabaseInbox(db);
    this.runs = new DatabaseRunStore(db);
    this.audit = new DatabaseAuditLog(db);
    this.costs = new DatabaseCostSnapshots(db);
    this.timeline = new DatabaseTimelineSource(db, this.audit);
  }
}
