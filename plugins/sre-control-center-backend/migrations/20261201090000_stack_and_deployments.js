// @ts-check

/**
 * The stack card's snapshot per System (read from Azure on a schedule so a
 * page view costs no Azure call), and the deployments the app-deploy
 * workflow reports.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('stack_snapshots', table => {
    table.comment(
      'Latest stack snapshot (ARM state, metrics, alert wiring) per project',
    );
    table.string('entity_ref', 255).primary();
    table.text('snapshot').notNullable().comment('StackSnapshot as JSON');
    table.timestamp('refreshed_at', { useTz: true }).notNullable();
  });
  await knex.schema.createTable('deployments', table => {
    table.comment('Deployments reported by the app-deploy workflow');
    table.string('id', 64).primary();
    table.string('entity_ref', 255).notNullable();
    table.string('environment', 64).notNullable();
    table.string('commit_sha', 40).notNullable();
    table.string('run_id', 20).notNullable();
    table.string('version', 100).notNullable();
    table.string('status', 16).notNullable();
    table.string('actor', 64).notNullable();
    table.string('url', 2048).nullable();
    table.timestamp('deployed_at', { useTz: true }).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    // One record per System, environment, commit and workflow run: replays change nothing.
    table.unique(['entity_ref', 'environment', 'commit_sha', 'run_id'], {
      indexName: 'deployments_identity_uq',
    });
    table.index(['entity_ref', 'deployed_at'], 'deployments_entity_time_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('deployments');
  await knex.schema.dropTable('stack_snapshots');
};
