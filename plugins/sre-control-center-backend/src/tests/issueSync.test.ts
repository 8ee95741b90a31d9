import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  GITHUB_OWNER,
  GITHUB_REPO,
  SITE_ID,
  startCloudEmulator,
  type GithubIssue,
  type RunningEmulator,
} from '@sre-control-center/cloud-emulator';
import type { Knex } from 'knex';
import { OctokitIssueApi } from '../adapters/github/OctokitIssueApi';
import { IssueReader, IssueSync, IssueTracker } from '../domain/issues';
import { DatabaseIssueStore } from '../store/DatabaseIssueStore';
import { migrationsDir } from '../store/migrations';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_16'] });
const SYSTEM = 'system:default/mindful-moments';
const REPO = `${GITHUB_OWNER}/${GITHUB_REPO}`;

// The scheduled sync through the real octokit adapter against the emulator:
// pull requests dropped, every page read, and an unchanged repository
// answered with 304s only (no rate limit spent).
describe.each(databases.eachSupportedId())('issue sync on %p', databaseId => {
  let emulator: RunningEmulator;
  let knex: Knex;
  let sync: IssueSync;
  let reader: IssueReader;
  const published: string[] = [];

  const requests = () => emulator.state.github.requests ?? [];

  beforeAll(async () => {
    emulator = await startCloudEmulator();
    knex = await databases.init(databaseId);
    await knex.migrate.latest({ directory: migrationsDir });
    const store = new DatabaseIssueStore(knex);
    const systems = {
      list: async () => [{ entityRef: SYSTEM, slug: REPO }],
      slugOf: async () => REPO,
    };
    const tracker = new IssueTracker({
      store,
      systems,
      alerts: { firedSince: async () => [] },
      publisher: {
        issuesChanged: async ref => {
          published.push(ref);
        },
      },
      agentLogins: ['azure-sre-agent[bot]'],
      labels: [],
      linkWindowMs: 6 * 3_600_000,
    });
    const api = OctokitIssueApi.fromConfig(
      new ConfigReader({
        integrations: {
          github: [
            { host: 'github.com', apiBaseUrl: emulator.url, token: 'ghp_sync' },
          ],
        },
      }),
      { logger: mockServices.logger.mock(), retries: 0 },
    );
    sync = new IssueSync({
      tracker,
      store,
      systems,
      github: api,
      closedWindowDays: 30,
    });
    reader = new IssueReader({ store, systems, closedWindowDays: 30 });
  });
  afterAll(async () => {
    await emulator.close();
  });

  it('reads every page, drops pull requests, then costs nothing while unchanged', async () => {
    const repo = emulator.state.github.repos[0];
    // 150 more agent issues: the open list needs two pages of 100.
    const template = repo.issues.find(
      i => i.user.login === 'azure-sre-agent[bot]',
    )!;
    const now = new Date().toISOString();
    for (let n = 0; n < 150; n += 1) {
      const issue: GithubIssue = {
        ...template,
        id: 5_000_000 + n,
        number: 100 + n,
        title: `[SRE Agent] load ${n} on ${SITE_ID.split('/').pop()}`,
        state: 'open',
        closed_at: null,
        closed_by: null,
        comments: [],
        created_at: now,
        updated_at: now,
      };
      repo.issues.push(issue);
    }

    const first = await sync.sync();
    expect(first.failures).toEqual([]);
    expect(first.notModified).toBe(0);
    // open: 2 pages; closed (30 days): 1 page.
    expect(first.requests).toBe(3);
    const list = await reader.list(SYSTEM);
    expect(list.items.filter(i => i.state === 'open').length).toBeGreaterThan(
      150,
    );
    // The seeded pull request (#3) is not an issue.
    expect(list.items.some(i => i.number === 3)).toBe(false);
    expect(list.syncedAt).not.toBeNull();
    expect(published).toContain(SYSTEM);

    const before = requests().length;
    const second = await sync.sync();
    expect(second).toMatchObject({ requests: 2, notModified: 2, changed: 0 });
    const made = requests().slice(before);
    expect(made.map(r => r.status)).toEqual([304, 304]);
    expect(made.every(r => r.path.includes('/issues?'))).toBe(true);

    // A change anywhere moves that issue to the first page: read again.
    const changed = repo.issues.find(i => i.number === 120)!;
    changed.title = 'Renamed by the agent';
    changed.updated_at = new Date(Date.now() + 1000).toISOString();
    const third = await sync.sync();
    expect(third.notModified).toBe(1);
    expect(third.changed).toBe(1);
    expect(
      (await reader.list(SYSTEM)).items.find(i => i.number === 120)?.title,
    ).toBe('Renamed by the agent');
  });

  it('keeps the last good issues and says why when GitHub fails', async () => {
    await emulator.close();
    const report = await sync.sync();
    expect(report.failures.length).toBeGreaterThan(0);
    const list = await reader.list(SYSTEM);
    expect(list.items.length).toBeGreaterThan(150);
    expect(list.lastError).toBeTruthy();
    expect(list.syncedAt).not.toBeNull();
  });
});
