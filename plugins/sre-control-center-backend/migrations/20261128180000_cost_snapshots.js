// @ts-check

/**
 * The last cost figures per project. One row per System, replaced on each
 * refresh: history stays in Cost Management, which is the source of truth.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('cost_snapshots', table => {
    table.comment('Latest month-to-date cost summary per project');
    table.string('entity_ref', 255).primary();
    table.text('summary').notNullable().comment('CostSummary as JSON');
    table.timestamp('refreshed_at', { useTz: true }).notNullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('cost_snapshots');
};
