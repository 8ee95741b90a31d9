// @ts-check

/**
 * On-call escalation (issue 14):
 *
 * - escalations: one per alert (unique alert_id: two replicas hearing of
 *   the same firing start one), the level run next and when (next_step_at,
 *   so timers survive restarts), and a lease so that one replica at a time
 *   works a due step.
 * - escalation_attempts: each page of one person on one channel at one
 *   level of one round, unique on exactly that, so a step worked twice
 *   (a lease that ran out mid-call) never calls twice; the provider's call
 *   id for its callbacks.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('escalations', table => {
    table.comment('On-call escalations, one per alert firing');
    table.string('id', 36).primary();
    table.string('alert_id', 512).notNullable().unique({
      indexName: 'escalations_alert_uq',
    });
    table.string('alert_name', 255).notNullable();
    table.string('entity_ref', 255).notNullable();
    table.string('policy', 255).notNullable();
    table.string('urgency', 8).notNullable().comment('high | low');
    table
      .string('state', 16)
      .notNullable()
      .comment(
        'active | acknowledged | resolved | stopped | exhausted | suppressed',
      );
    table.integer('level').notNullable().defaultTo(0);
    table.integer('round').notNullable().defaultTo(0);
    table.timestamp('next_step_at', { useTz: true }).nullable();
    table.string('lease_holder', 64).nullable();
    table.timestamp('lease_until', { useTz: true }).nullable();
    table.timestamp('started_at', { useTz: true }).notNullable();
    table.timestamp('ended_at', { useTz: true }).nullable();
    table.string('ended_by', 255).nullable();
    table.index(['state', 'next_step_at'], 'escalations_due_idx');
    table.index(['entity_ref', 'started_at'], 'escalations_system_idx');
  });

  await knex.schema.createTable('escalation_attempts', table => {
    table.comment('Each page of one person on one channel');
    table.string('id', 36).primary();
    table
      .string('escalation_id', 36)
      .notNullable()
      .references('id')
      .inTable('escalations')
      .onDelete('CASCADE');
    table.integer('level').notNullable();
    table.integer('round').notNullable();
    table.string('channel', 16).notNullable().comment('notification | phone');
    table.string('target', 255).notNullable().comment('user entity ref');
    table.string('phone_number', 16).nullable();
    table.string('outcome', 16).notNullable();
    table.text('detail').nullable();
    table.string('provider', 16).nullable().comment('acs | twilio');
    table.string('provider_call_id', 255).nullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.unique(['escalation_id', 'round', 'level', 'channel', 'target'], {
      indexName: 'escalation_attempts_once_uq',
    });
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('escalation_attempts');
  await knex.schema.dropTable('escalations');
};
