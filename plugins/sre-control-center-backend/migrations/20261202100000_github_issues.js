// @ts-check

/**
 * GitHub issues of the Systems' repositories (the SRE agent's, the portal's,
 * labelled ones), their links to alerts, what happened to them (timeline),
 * the conditional-request state of the scheduled sync, and one claim per
 * alert for "open an issue" so concurrent clicks open one issue.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('github_issues', table => {
    table.comment(
      'Issues of System repositories, as GitHub last described them',
    );
    table
      .string('repository', 200)
      .notNullable()
      .comment('owner/name, lower-cased');
    table.integer('number').notNullable();
    table.bigInteger('github_id').notNullable();
    table.string('title', 1024).notNullable();
    table.string('state', 8).notNullable();
    table.text('labels').notNullable().comment('JSON array of names');
    table.text('assignees').notNullable().comment('JSON array of logins');
    table.integer('comments').notNullable().defaultTo(0);
    table.string('author', 100).notNullable();
    table
      .string('origin', 8)
      .notNullable()
      .comment('agent, portal, label or other');
    table.string('url', 2048).notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table
      .timestamp('updated_at', { useTz: true })
      .notNullable()
      .comment("GitHub's updated_at");
    table.timestamp('closed_at', { useTz: true }).nullable();
    table.primary(['repository', 'number']);
    table.index(
      ['repository', 'state', 'updated_at'],
      'github_issues_repo_state_idx',
    );
  });
  await knex.schema.createTable('issue_links', table => {
    table.comment('Which alert an issue is about, and by which rule');
    table.string('repository', 200).notNullable();
    table.integer('number').notNullable();
    table.string('alert_id', 255).notNullable();
    table.string('rule', 24).notNullable();
    table.timestamp('linked_at', { useTz: true }).notNullable();
    table.primary(['repository', 'number', 'alert_id']);
    table.index(['alert_id'], 'issue_links_alert_idx');
  });
  await knex.schema.createTable('github_issue_events', table => {
    table.comment('Issue opened, commented, closed, reopened: the timeline');
    table.increments('id');
    table.string('repository', 200).notNullable();
    table.integer('number').notNullable();
    table.string('action', 16).notNullable();
    table.string('actor', 100).nullable();
    table.timestamp('at', { useTz: true }).notNullable();
    // A webhook and the sync may both report one event: it is kept once.
    table.unique(['repository', 'number', 'action', 'at'], {
      indexName: 'github_issue_events_uq',
    });
    table.index(['repository', 'at'], 'github_issue_events_repo_time_idx');
  });
  await knex.schema.createTable('github_sync_state', table => {
    table.comment(
      'Conditional-request state of each issue list the sync reads',
    );
    table.string('repository', 200).notNullable();
    table.string('list', 16).notNullable().comment('open or closed');
    table.string('etag', 255).nullable();
    table.timestamp('synced_at', { useTz: true }).nullable();
    table.text('last_error').nullable();
    table.timestamp('error_at', { useTz: true }).nullable();
    table.primary(['repository', 'list']);
  });
  await knex.schema.createTable('issue_requests', table => {
    table.comment('One "open an issue" per alert, across clicks and replicas');
    table.string('alert_id', 255).primary();
    table.string('repository', 200).notNullable();
    table.integer('number').nullable().comment('Set once GitHub created it');
    table.string('holder', 64).notNullable();
    table.timestamp('claimed_at', { useTz: true }).notNullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('issue_requests');
  await knex.schema.dropTable('github_sync_state');
  await knex.schema.dropTable('github_issue_events');
  await knex.schema.dropTable('issue_links');
  await knex.schema.dropTable('github_issues');
};
