// @ts-check

/**
 * The feed catches up after missed signals with `GET /alerts?changedSince=`:
 * index the project's alerts by their last change.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('alerts', table => {
    table.index(['entity_ref', 'updated_at'], 'alerts_entity_updated_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('alerts', table => {
    table.dropIndex(['entity_ref', 'updated_at'], 'alerts_entity_updated_idx');
  });
};
