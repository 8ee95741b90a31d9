// @ts-check

/**
 * Runbook runs and their approvals. Every status change is a conditional
 * update on runbook_runs.status, which is what makes execution exactly-once;
 * approvals has one row per run so a second decision cannot even be stored.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('runbook_runs', table => {
    table.comment('Runbook runs: requested, approved, executed, with results');
    table.string('id', 36).primary();
    table.string('entity_ref', 255).notNullable();
    table.string('runbook_id', 200).notNullable();
    table.string('runbook_name', 200).notNullable();
    table.string('status', 32).notNullable();
    table.boolean('requires_approval').notNullable();
    table.string('requested_by', 255).notNullable();
    table.timestamp('requested_at', { useTz: true }).notNullable();
    table.text('reason').nullable();
    table.string('trigger_alert_id', 512).nullable();
    table.string('trigger_alert_name', 255).nullable();
    table
      .string('dedupe_key', 1024)
      .nullable()
      .unique({ indexName: 'runbook_runs_dedupe_key_uq' })
      .comment('runbook|alert|fired time: one run per alert firing');
    table.text('actions').notNullable().comment('JSON: the actions requested');
    table.timestamp('expires_at', { useTz: true }).nullable();
    table.string('decided_by', 255).nullable();
    table.timestamp('decided_at', { useTz: true }).nullable();
    table.text('decision_comment').nullable();
    table.string('lease_holder', 64).nullable();
    table.timestamp('lease_until', { useTz: true }).nullable();
    table.timestamp('started_at', { useTz: true }).nullable();
    table.timestamp('finished_at', { useTz: true }).nullable();
    table.text('results').nullable().comment('JSON: one result per action');
    table.text('error').nullable();
    table.string('outcome', 255).nullable();
    table.index(['entity_ref', 'requested_at'], 'runbook_runs_entity_idx');
    table.index(['status'], 'runbook_runs_status_idx');
  });

  await knex.schema.createTable('approvals', table => {
    table.comment('The one decision on each run that needed approval');
    table.bigIncrements('id').primary();
    table
      .string('run_id', 36)
      .notNullable()
      .unique({ indexName: 'approvals_run_uq' })
      .references('id')
      .inTable('runbook_runs')
      .onDelete('CASCADE');
    table.string('approver', 255).notNullable();
    table.string('decision', 16).notNullable();
    table.text('comment').nullable();
    table.timestamp('at', { useTz: true }).notNullable();
  });

  await knex.schema.createTable('runbook_cooldowns', table => {
    table.comment('Per runbook and resource: no automatic run before `until`');
    table.string('key', 1024).primary();
    table.timestamp('until', { useTz: true }).notNullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('runbook_cooldowns');
  await knex.schema.dropTable('approvals');
  await knex.schema.dropTable('runbook_runs');
};
