// @ts-check

/**
 * Webhook ingest beyond Azure's common schema: the alert keeps the condition
 * its payload described (metric, threshold, observed value, log query) for
 * the detail view, and a delivery keeps the System named on the webhook URL
 * (`?entityRef=`), which Alertmanager and unrecognized payloads need.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('alerts', table => {
    table
      .text('condition')
      .nullable()
      .comment('AlertCondition as JSON: what the alert rule saw');
  });
  await knex.schema.alterTable('inbox', table => {
    table
      .string('entity_ref', 255)
      .nullable()
      .comment('System named by ?entityRef= on the webhook URL');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('inbox', table => {
    table.dropColumn('entity_ref');
  });
  await knex.schema.alterTable('alerts', table => {
    table.dropColumn('condition');
  });
};
