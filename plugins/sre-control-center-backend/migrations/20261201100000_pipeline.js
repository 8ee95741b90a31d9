// @ts-check

/**
 * The alert pipeline under storms, bad deliveries and replicas:
 *
 * - inbox: a status per delivery (pending, processed, failed, refused), the
 *   attempts made and when to try next, and a lease, so that replicas claim
 *   disjoint batches and one bad delivery is retried with backoff, then set
 *   aside, never in the way of the others; a unique provider delivery id
 *   (GitHub's X-GitHub-Delivery) makes replays change nothing.
 * - alerts: no System yet (unrouted) is a state an alert can be in; how it
 *   reached its System (resource group, webhook URL, label) decides whether
 *   it may start runbooks on its own; the resource group is kept so that
 *   unrouted alerts move to a System that later claims it.
 * - runbook_runs: repeated firings attach to a pending request.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await withoutSqliteForeignKeys(knex, upInTransaction);
};

/**
 * SQLite changes a column's nullability by copying the table, and dropping
 * the old copy would cascade to alert_events while foreign keys are on; the
 * pragma cannot change inside a transaction, so this migration manages its
 * own.
 *
 * @param {import('knex').Knex} knex
 * @param {(tx: import('knex').Knex) => Promise<void>} work
 */
async function withoutSqliteForeignKeys(knex, work) {
  const sqlite = knex.client.config.client === 'better-sqlite3';
  const [row] = sqlite ? await knex.raw('PRAGMA foreign_keys') : [];
  const enforced = sqlite && Object.values(row ?? {})[0] === 1;
  if (enforced) await knex.raw('PRAGMA foreign_keys = OFF');
  try {
    await knex.transaction(tx => work(tx));
  } finally {
    if (enforced) await knex.raw('PRAGMA foreign_keys = ON');
  }
}

exports.config = { transaction: false };

/** @param {import('knex').Knex} knex */
async function upInTransaction(knex) {
  await knex.schema.alterTable('inbox', table => {
    table
      .string('status', 16)
      .notNullable()
      .defaultTo('pending')
      .comment('pending | processed | failed | refused');
    table.integer('attempts').notNullable().defaultTo(0);
    table.timestamp('next_attempt_at', { useTz: true }).nullable();
    table.timestamp('last_attempt_at', { useTz: true }).nullable();
    table.string('lease_holder', 64).nullable();
    table.timestamp('lease_until', { useTz: true }).nullable();
  });
  // Deliveries stored before this migration: processed ones keep their error.
  await knex('inbox').whereNotNull('processed_at').update({
    status: 'processed',
  });
  await knex.schema.alterTable('inbox', table => {
    table.index(['status', 'id'], 'inbox_status_idx');
    table.index(['received_at'], 'inbox_received_idx');
    table.unique(['source', 'delivery_key'], {
      indexName: 'inbox_source_delivery_key_uq',
    });
  });
  await knex.schema.alterTable('inbox', table => {
    table.dropIndex(['processed_at', 'id'], 'inbox_unprocessed_idx');
  });

  await knex.schema.alterTable('alerts', table => {
    table.string('entity_ref', 255).nullable().alter();
    table
      .string('routing', 32)
      .nullable()
      .comment(
        'resource-group | webhook-url | label: how it reached its System',
      );
    table
      .string('resource_group_id', 512)
      .nullable()
      .comment('lower-cased resource group of the target, if any');
  });
  await knex.schema.alterTable('alerts', table => {
    table.index(['resource_group_id'], 'alerts_resource_group_idx');
  });
  // Every alert stored so far reached its System by one of the three ways;
  // only the resource group allows automatic runs, the safe assumption for
  // those we cannot tell is "not by the resource group".
  await knex('alerts').update({ routing: 'webhook-url' });

  await knex.schema.alterTable('runbook_runs', table => {
    table
      .integer('firings')
      .notNullable()
      .defaultTo(1)
      .comment('alert firings this request stands for');
  });
  await knex.schema.createTable('run_firings', table => {
    table.comment(
      'Each alert firing attached to a run, once: replays attach nothing',
    );
    table.string('dedupe_key', 1024).primary();
    table
      .string('run_id', 36)
      .notNullable()
      .references('id')
      .inTable('runbook_runs')
      .onDelete('CASCADE');
    table.timestamp('at', { useTz: true }).notNullable();
  });
}

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await withoutSqliteForeignKeys(knex, downInTransaction);
};

/** @param {import('knex').Knex} knex */
async function downInTransaction(knex) {
  await knex.schema.dropTable('run_firings');
  await knex.schema.alterTable('runbook_runs', table => {
    table.dropColumn('firings');
  });
  await knex.schema.alterTable('alerts', table => {
    table.dropIndex(['resource_group_id'], 'alerts_resource_group_idx');
  });
  await knex('alerts').whereNull('entity_ref').delete();
  await knex.schema.alterTable('alerts', table => {
    table.dropColumn('resource_group_id');
    table.dropColumn('routing');
  });
  await knex.schema.alterTable('alerts', table => {
    table.string('entity_ref', 255).notNullable().alter();
  });
  await knex.schema.alterTable('inbox', table => {
    table.index(['processed_at', 'id'], 'inbox_unprocessed_idx');
  });
  await knex.schema.alterTable('inbox', table => {
    table.dropUnique(
      ['source', 'delivery_key'],
      'inbox_source_delivery_key_uq',
    );
    table.dropIndex(['received_at'], 'inbox_received_idx');
    table.dropIndex(['status', 'id'], 'inbox_status_idx');
  });
  await knex.schema.alterTable('inbox', table => {
    table.dropColumn('lease_until');
    table.dropColumn('lease_holder');
    table.dropColumn('last_attempt_at');
    table.dropColumn('next_attempt_at');
    table.dropColumn('attempts');
    table.dropColumn('status');
  });
}
