import { TestDatabases } from '@backstage/backend-test-utils';
import type { Knex } from 'knex';
import { sampleAlert, SYSTEM } from '../domain/__testUtils__/fakes';
import { RunbookCatalog } from '../domain/runbooks/RunbookCatalog';
import { RunRequests } from '../domain/runbooks/RunRequests';
import type { RunbookDefinition } from '../domain/runbooks/types';
import { DatabaseRunStore } from '../store/DatabaseRunStore';
import { migrationsDir } from '../store/migrations';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_16'] });
const NOW = new Date('2026-12-01T12:00:00Z');

const restart = (overrides: Partial<RunbookDefinition>): RunbookDefinition => ({
  id: 'restart-on-high-response-time',
  name: 'Restart on high response time',
  description: null,
  system: null,
  trigger: { alert: 'alert-high-response-time' },
  condition: null,
  cooldownMinutes: 15,
  actions: [{ type: 'restart', resource: 'app', approval_required: false }],
  ...overrides,
});

/** `count` alerts of one rule firing at once, as a storm's batch brings them. */
const storm = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, i) =>
    sampleAlert({
      id: `alertmanager:${prefix}-${i}`,
      firedAt: new Date(NOW.getTime() - 60_000).toISOString(),
    }),
  );

/**
 * A storm fires one rule for hundreds of alerts at once. One run stands for
 * them: one restart (the cooldown), or one request waiting for approval,
 * counting the firings; not one run per alert, and never a second action.
 */
describe.each(databases.eachSupportedId())('a storm of firings on %p', id => {
  let db: Knex;

  beforeAll(async () => {
    db = await databases.init(id);
    await db.migrate.latest({ directory: migrationsDir });
  });

  beforeEach(async () => {
    for (const table of ['run_firings', 'runbook_runs', 'runbook_cooldowns']) {
      await db(table).delete();
    }
  });

  function requests(definition: RunbookDefinition) {
    const executed: string[] = [];
    const store = new DatabaseRunStore(db);
    const runRequests = new RunRequests({
      catalog: new RunbookCatalog([definition]),
      store,
      pendingExpiryMinutes: 30,
      execute: runId => executed.push(runId),
      publisher: { runChanged: async () => undefined },
      now: () => NOW,
    });
    return { runRequests, store, executed };
  }

  it('restarts once for 300 firings and counts the rest towards that run', async () => {
    const { runRequests, store, executed } = requests(restart({}));
    await runRequests.alertsChanged(storm('a', 300));
    // The next batch of the same storm: the cooldown holds it.
    await runRequests.alertsChanged(storm('b', 300));
    // A replay of the first batch changes nothing.
    await runRequests.alertsChanged(storm('a', 300));

    const runs = await store.list(SYSTEM, 1000);
    expect(executed).toHaveLength(1);
    expect(runs.map(r => [r.status, r.firings]).sort()).toEqual([
      ['approved', 300],
      ['skipped', 300],
    ]);
    expect(Number((await db('run_firings').count({ n: '*' }))[0].n)).toBe(600);
  });

  it('keeps one request waiting for approval for every firing of a storm', async () => {
    const { runRequests, store, executed } = requests(
      restart({
        cooldownMinutes: 0,
        actions: [
          { type: 'restart', resource: 'app', approval_required: true },
        ],
      }),
    );
    await runRequests.alertsChanged(storm('a', 250));
    await runRequests.alertsChanged(storm('b', 250));
    const runs = await store.list(SYSTEM, 1000);
    expect(executed).toEqual([]);
    expect(runs.map(r => [r.status, r.firings])).toEqual([
      ['pending_approval', 500],
    ]);
  });

  it('still runs every firing of a runbook without cooldown or approval', async () => {
    const { runRequests, executed } = requests(restart({ cooldownMinutes: 0 }));
    await runRequests.alertsChanged(storm('a', 5));
    expect(executed).toHaveLength(5);
  });
});
