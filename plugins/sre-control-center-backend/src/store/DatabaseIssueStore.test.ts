import { TestDatabases } from '@backstage/backend-test-utils';
import type { IssueOrigin } from '@sre-control-center/plugin-sre-control-center-common';
import knexFactory, { type Knex } from 'knex';
import type { IssueRecord } from '../domain/issues/types';
import { DatabaseIssueStore } from './DatabaseIssueStore';
import { migrationsDir } from './migrations';

jest.setTimeout(60_000);

const REPO = 'mindful-moments/mindful-moments';
const SYSTEM = 'system:default/mindful-moments';
const ALERT = 'alertmanager:issue-race';

function issue(number: number, origin: IssueOrigin): IssueRecord {
  return {
    number,
    githubId: 9000 + number,
    title: `[SRE Agent] alert-high-cpu fired (${number})`,
    state: 'open',
    labels: [],
    assignees: [],
    comments: 0,
    author: 'guest',
    createdAt: '2026-12-03T07:00:00Z',
    updatedAt: '2026-12-03T07:00:00Z',
    closedAt: null,
    url: `https://github.com/${REPO}/issues/${number}`,
    origin,
    // Only the portal's copy knows which alert it was opened from.
    links: origin === 'portal' ? [{ alertId: ALERT, rule: 'marker' }] : [],
  };
}

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_16'] });

/** A migrated database with one alert, and a second pool to it (another replica). */
function migratedDatabase(databaseId: Parameters<typeof databases.init>[0]) {
  const db = {} as { knex: Knex; other: Knex };
  beforeAll(async () => {
    db.knex = await databases.init(databaseId);
    await db.knex.migrate.latest({ directory: migrationsDir });
    db.other =
      db.knex.client.config.client === 'pg'
        ? knexFactory({
            client: 'pg',
            connection: db.knex.client.config.connection,
          })
        : db.knex;
    await db.knex('alerts').insert({
      id: ALERT,
      entity_ref: SYSTEM,
      name: 'alert-high-cpu',
      severity: 'Sev2',
      state: 'New',
      monitor_condition: 'Fired',
      fired_at: new Date('2026-12-03T06:59:00Z'),
      updated_at: new Date('2026-12-03T06:59:00Z'),
    });
  });
  afterAll(async () => {
    if (db.other !== db.knex) await db.other.destroy();
  });
  const originOf = async (number: number) =>
    (await db.knex('github_issues').where({ repository: REPO, number }).first())
      ?.origin;
  return { db, originOf };
}

describe.each(databases.eachSupportedId())(
  'DatabaseIssueStore on %p',
  databaseId => {
    const { db, originOf } = migratedDatabase(databaseId);

    it('keeps an issue opened in the portal "portal" when the sync stores it later', async () => {
      const store = new DatabaseIssueStore(db.knex);
      await store.save(REPO, [issue(1, 'portal')], []);
      await store.save(REPO, [issue(1, 'other')], []);
      expect(await originOf(1)).toBe('portal');
      const listed = await store.list(REPO, SYSTEM, {
        closedSince: new Date(0),
        limit: 10,
      });
      expect(listed.find(i => i.number === 1)?.alerts).toEqual([
        expect.objectContaining({ id: ALERT, rule: 'marker' }),
      ]);
    });
  },
);

// Two transactions that both find no row and both insert: the second insert
// is ignored on the conflict, and must still merge its copy. SQLite runs one
// write transaction at a time, so only PostgreSQL can interleave them.
describe.each(
  databases.eachSupportedId().filter(([id]) => id.startsWith('POSTGRES')),
)('DatabaseIssueStore, two replicas on %p', databaseId => {
  const { db, originOf } = migratedDatabase(databaseId);

  it('keeps the portal origin when a sync inserted the same issue a moment before the portal', async () => {
    const syncing = await db.other.transaction();
    try {
      // The sync has inserted the issue, not committed yet.
      await new DatabaseIssueStore(syncing).save(REPO, [issue(2, 'other')], []);
      const opening = new DatabaseIssueStore(db.knex).save(
        REPO,
        [issue(2, 'portal')],
        [],
      );
      // The portal's insert now waits for the sync's row lock.
      for (let waited = 0; ; waited += 20) {
        const { rows } = await db.other.raw(
          `select count(*)::int as n from pg_stat_activity
            where datname = current_database() and wait_event_type = 'Lock'`,
        );
        if (rows[0].n > 0) break;
        if (waited > 10_000) throw new Error('the insert never waited');
        await new Promise(r => setTimeout(r, 20));
      }
      await syncing.commit();
      await opening;
    } finally {
      if (!syncing.isCompleted()) await syncing.rollback();
    }
    expect(await originOf(2)).toBe('portal');
    const links = await db
      .knex('issue_links')
      .where({ repository: REPO, number: 2 });
    expect(links.map(l => l.alert_id)).toEqual([ALERT]);
  });
});
