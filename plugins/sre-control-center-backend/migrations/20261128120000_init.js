// @ts-check

/**
 * The inbox keeps every raw webhook delivery, written before the 202 so that
 * nothing acknowledged is lost; alerts are the reconciled view of Azure's.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('inbox', table => {
    table.comment(
      'Every raw webhook delivery, stored before it is acknowledged',
    );
    table.bigIncrements('id').primary();
    table.string('source', 32).notNullable().comment('azure-monitor | github');
    table
      .string('kind', 64)
      .notNullable()
      .comment('payload type, e.g. common-alert or budget');
    table
      .string('delivery_key', 512)
      .nullable()
      .comment('provider delivery id when there is one');
    table.text('body').notNullable();
    table.timestamp('received_at', { useTz: true }).notNullable();
    table.timestamp('processed_at', { useTz: true }).nullable();
    table.text('error').nullable();
    table.index(['processed_at', 'id'], 'inbox_unprocessed_idx');
  });

  await knex.schema.createTable('alerts', table => {
    table.comment(
      'Alerts per project, keyed by the lower-cased Azure alert id',
    );
    table.string('id', 512).primary();
    table.string('entity_ref', 255).notNullable();
    table.string('name', 255).notNullable();
    table.string('severity', 8).notNullable();
    table.string('state', 16).notNullable();
    table.string('monitor_condition', 16).notNullable();
    table.string('target_resource_id', 1024).nullable();
    table.text('description').nullable();
    table.timestamp('fired_at', { useTz: true }).notNullable();
    table.timestamp('resolved_at', { useTz: true }).nullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.index(['entity_ref', 'fired_at', 'id'], 'alerts_entity_fired_idx');
  });

  await knex.schema.createTable('alert_events', table => {
    table.comment('What happened to each alert, in order');
    table.bigIncrements('id').primary();
    table
      .string('alert_id', 512)
      .notNullable()
      .references('id')
      .inTable('alerts')
      .onDelete('CASCADE');
    table.string('type', 32).notNullable();
    table.string('actor', 255).nullable();
    table.timestamp('at', { useTz: true }).notNullable();
    table.text('details').nullable();
    table.index(['alert_id', 'id'], 'alert_events_alert_idx');
  });

  await knex.schema.createTable('audit_log', table => {
    table.comment('Append-only trail of every state-changing action');
    table.bigIncrements('id').primary();
    table.string('entity_ref', 255).notNullable();
    table.string('actor', 255).notNullable();
    table.string('action', 64).notNullable();
    table.string('target', 512).nullable();
    table.timestamp('at', { useTz: true }).notNullable();
    table.text('details').nullable();
    table.index(['entity_ref', 'id'], 'audit_log_entity_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('audit_log');
  await knex.schema.dropTable('alert_events');
  await knex.schema.dropTable('alerts');
  await knex.schema.dropTable('inbox');
};
