import { TestDatabases } from '@backstage/backend-test-utils';
import { migrationsDir } from '../store/migrations';

jest.setTimeout(60_000);

const TABLES = [
  'inbox',
  'alerts',
  'alert_events',
  'audit_log',
  'cost_snapshots',
  'runbook_runs',
  'approvals',
  'runbook_cooldowns',
  'github_issues',
  'issue_links',
  'github_issue_events',
  'github_sync_state',
  'issue_requests',
];

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_16'] });

describe.each(databases.eachSupportedId())('migrations on %p', databaseId => {
  it('walks every migration up and down again', async () => {
    const knex = await databases.init(databaseId);
    await knex.migrate.latest({ directory: migrationsDir });
    for (const table of TABLES) {
      expect(await knex.schema.hasTable(table)).toBe(true);
    }
    expect(await knex.schema.hasColumn('alerts', 'condition')).toBe(true);
    expect(await knex.schema.hasColumn('inbox', 'entity_ref')).toBe(true);
    await knex.migrate.rollback({ directory: migrationsDir }, true);
    for (const table of TABLES) {
      expect(await knex.schema.hasTable(table)).toBe(false);
    }
    await knex.destroy();
  });
});
