import { TestDatabases } from '@backstage/backend-test-utils';
import { migrateWhenUnlocked, migrationsDir } from '../store/migrations';

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

  it('waits while another replica holds the migration lock', async () => {
    const knex = await databases.init(databaseId);
    await knex.migrate.latest({ directory: migrationsDir });
    await knex('knex_migrations_lock').update({ is_locked: 1 });
    const released = new Promise(resolve => setTimeout(resolve, 500)).then(() =>
      knex('knex_migrations_lock').update({ is_locked: 0 }),
    );
    const start = Date.now();
    await migrateWhenUnlocked(knex, 10_000);
    // It cannot have migrated before the other replica let go, and it lets go too.
    expect(Date.now() - start).toBeGreaterThanOrEqual(450);
    await released;
    expect(await knex('knex_migrations_lock').select('is_locked')).toEqual([
      { is_locked: 0 },
    ]);
    await knex.destroy();
  });

  it('starts after two replicas each inserted knex’s lock row at the same moment', async () => {
    // What the race leaves behind: knex's lock can no longer be taken by anyone.
    const knex = await databases.init(databaseId);
    await knex.migrate.latest({ directory: migrationsDir });
    await knex('knex_migrations_lock').insert({ is_locked: 0 });
    await migrateWhenUnlocked(knex, 5_000);
    expect(await knex('knex_migrations_lock').select('is_locked')).toEqual([
      { is_locked: 0 },
    ]);
    await knex.destroy();
  });
});
