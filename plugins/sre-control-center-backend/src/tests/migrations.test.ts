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
  'escalations',
  'escalation_attempts',
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
    // With data: an escalation and its attempt survive until the rollback.
    await knex('alerts').insert({
      id: 'alertmanager:m1',
      entity_ref: 'system:default/mindful-moments',
      name: 'm1',
      severity: 'Sev1',
      state: 'New',
      monitor_condition: 'Fired',
      fired_at: new Date(),
      updated_at: new Date(),
    });
    await knex('escalations').insert({
      id: '00000000-0000-4000-8000-000000000001',
      alert_id: 'alertmanager:m1',
      alert_name: 'm1',
      entity_ref: 'system:default/mindful-moments',
      policy: 'p',
      urgency: 'high',
      state: 'active',
      started_at: new Date(),
    });
    await knex('escalation_attempts').insert({
      id: '00000000-0000-4000-8000-000000000002',
      escalation_id: '00000000-0000-4000-8000-000000000001',
      level: 0,
      round: 0,
      channel: 'phone',
      target: 'user:default/guest',
      outcome: 'ringing',
      created_at: new Date(),
      updated_at: new Date(),
    });
    await knex.migrate.rollback({ directory: migrationsDir }, true);
    for (const table of TABLES) {
      expect(await knex.schema.hasTable(table)).toBe(false);
    }
    await knex.destroy();
  });
});
