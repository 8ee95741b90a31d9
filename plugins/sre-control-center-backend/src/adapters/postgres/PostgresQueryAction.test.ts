import type { TokenCredential } from '@azure/core-auth';
import { Client } from 'pg';
import type { PostgresServerConfig } from '../../config';
import { ActionFailed } from '../../domain/runbooks/errors';
import { PostgresQueryAction } from './PostgresQueryAction';

// The machine's PostgreSQL (CI sets it); without one the test says so and skips.
const connectionString =
  process.env.BACKSTAGE_TEST_DATABASE_POSTGRES16_CONNECTION_STRING;
const maybe = connectionString ? describe : describe.skip;

const SYSTEM = 'system:default/mindful-moments';

function server(url: string): PostgresServerConfig {
  return {
    system: SYSTEM,
    server: 'psql-mindful-moments-dev',
    connectionString: url,
    port: 5432,
    database: 'postgres',
    entra: false,
  };
}

/** Connection strings need no token; a call would fail the test. */
const noCredential: TokenCredential = {
  async getToken() {
    throw new Error('no token expected');
  },
};

const SERVER_ID =
  '/subscriptions/s/resourcegroups/rg/providers/microsoft.dbforpostgresql/flexibleservers/psql-mindful-moments-dev';

maybe('PostgresQueryAction against a real PostgreSQL', () => {
  const tag = `sre-cc-idle-test-${process.pid}`;
  const clients: Client[] = [];

  afterAll(async () => {
    await Promise.all(clients.map(c => c.end().catch(() => undefined)));
  });

  async function session(applicationName: string) {
    const client = new Client({
      connectionString,
      application_name: applicationName,
    });
    client.on('error', () => undefined); // ended from the other side on purpose
    await client.connect();
    await client.query('SELECT 1');
    clients.push(client);
    const { rows } = await client.query('SELECT pg_backend_pid() AS pid');
    return rows[0].pid as number;
  }

  it('ends the sessions idle for longer than the runbook allows, and only those', async () => {
    const idle = [await session(tag), await session(tag)];
    await new Promise(r => setTimeout(r, 1500));
    // A session of the same tag that was busy a moment ago stays.
    const fresh = await session(tag);

    // The default query with a 1 s threshold and limited to this test's sessions.
    const query = `SELECT pid, pg_terminate_backend(pid) AS terminated
      FROM pg_stat_activity
      WHERE state = 'idle' AND state_change < now() - interval '1 second'
        AND application_name = '${tag}' AND pid <> pg_backend_pid()`;
    const action = new PostgresQueryAction(
      [server(connectionString!)],
      noCredential,
    );
    const summary = await action.run(
      {
        action: {
          type: 'execute_query',
          resource: 'psql-mindful-moments-dev',
          query,
          approval_required: true,
        },
        entityRef: SYSTEM,
        resourceId: SERVER_ID,
      },
      new AbortController().signal,
    );
    expect(summary).toMatch(/^Ended 2 idle sessions/);
    for (const pid of idle) expect(summary).toContain(String(pid));

    // Which sessions are left: the fresh one only.
    const probe = new Client({ connectionString });
    await probe.connect();
    const { rows } = await probe.query(
      'SELECT pid FROM pg_stat_activity WHERE application_name = $1',
      [tag],
    );
    await probe.end();
    expect(rows.map(r => r.pid)).toEqual([fresh]);
  });

  it('fails with the driver code when the server is not configured or refuses', async () => {
    // Configured for another System only: the run's System has no connection.
    const unconfigured = new PostgresQueryAction(
      [{ ...server(connectionString!), system: 'system:default/other' }],
      noCredential,
    );
    const resolved = {
      action: {
        type: 'execute_query' as const,
        resource: 'psql-mindful-moments-dev',
        approval_required: true,
      },
      entityRef: SYSTEM,
      resourceId: SERVER_ID,
    };
    await expect(
      unconfigured.run(resolved, new AbortController().signal),
    ).rejects.toMatchObject({ code: 'NotConfigured' });

    const broken = new PostgresQueryAction(
      [server(connectionString!)],
      noCredential,
    );
    const error = await broken
      .run(
        {
          ...resolved,
          action: { ...resolved.action, query: 'SELECT * FROM no_such_table' },
        },
        new AbortController().signal,
      )
      .catch(e => e);
    expect(error).toBeInstanceOf(ActionFailed);
    expect(error.code).toBe('42P01');
  });
});
