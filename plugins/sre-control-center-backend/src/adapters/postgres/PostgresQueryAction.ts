import type { TokenCredential } from '@azure/core-auth';
import { Client, type ClientConfig } from 'pg';
import type { PostgresServerConfig } from '../../config';
import { ActionFailed } from '../../domain/runbooks/errors';
import type { ActionRunner } from '../../domain/runbooks/ports';
import type { ResolvedAction } from '../../domain/runbooks/types';
import { parseArmResourceId } from '../azure/armIds';

/**
 * The default query of an execute_query action: end this database's sessions
 * that have sat idle for over an hour. Needs a role with pg_signal_backend.
 */
export const END_IDLE_SESSIONS_QUERY = `SELECT pid, usename, application_name, pg_terminate_backend(pid) AS terminated
FROM pg_stat_activity
WHERE datname = current_database()
  AND state = 'idle'
  AND state_change < now() - interval '1 hour'
  AND pid <> pg_backend_pid()`;

/** The scope of Entra ID tokens for Azure Database for PostgreSQL. */
export const POSTGRES_ENTRA_SCOPE =
  'https://ossrdbms-aad.database.windows.net/.default';

const STATEMENT_TIMEOUT_MS = 30_000;

/**
 * execute_query: connects with `pg` to the PostgreSQL server named by the
 * action, as configured for the run's System (`sreControlCenter.postgresServers`:
 * a connection string, or an Entra ID token of the backend's identity as the
 * password), and runs the runbook's query, or the idle-session cleanup.
 */
export class PostgresQueryAction implements ActionRunner {
  constructor(
    private readonly servers: PostgresServerConfig[],
    private readonly credential: TokenCredential,
  ) {}

  async run(resolved: ResolvedAction, signal: AbortSignal): Promise<string> {
    const server = parseArmResourceId(resolved.resourceId).name;
    const entry = this.servers.find(
      s => s.system === resolved.entityRef && s.server.toLowerCase() === server,
    );
    if (!entry) {
      throw new ActionFailed(
        `No connection for PostgreSQL server ${resolved.action.resource} of ${resolved.entityRef} (sreControlCenter.postgresServers)`,
        'NotConfigured',
      );
    }
    const client = new Client({
      ...(await this.connectionOf(entry)),
      application_name: 'sre-control-center-runbook',
      statement_timeout: STATEMENT_TIMEOUT_MS,
      connectionTimeoutMillis: 10_000,
    });
    const abort = () => client.end().catch(() => undefined);
    signal.addEventListener('abort', abort, { once: true });
    try {
      await client.connect();
      const query = resolved.action.query ?? END_IDLE_SESSIONS_QUERY;
      const result = await client.query(query);
      return describe(result.rows, resolved.action.query === undefined);
    } catch (error) {
      const code = (error as { code?: string }).code;
      throw new ActionFailed(
        `PostgreSQL ${server}: ${(error as Error).message}`,
        code,
      );
    } finally {
      signal.removeEventListener('abort', abort);
      await client.end().catch(() => undefined);
    }
  }

  private async connectionOf(
    entry: PostgresServerConfig,
  ): Promise<ClientConfig> {
    if (entry.connectionString) {
      return { connectionString: entry.connectionString };
    }
    let token;
    try {
      token = await this.credential.getToken(POSTGRES_ENTRA_SCOPE);
    } catch (error) {
      throw new ActionFailed(
        `No Entra ID token for PostgreSQL ${entry.server}: ${
          (error as Error).message
        }`,
        'CredentialUnavailable',
      );
    }
    if (!token) {
      throw new ActionFailed(
        `No Entra ID token for PostgreSQL ${entry.server}`,
        'CredentialUnavailable',
      );
    }
    return {
      host: entry.host,
      port: entry.port,
      database: entry.database,
      user: entry.user,
      password: token.token,
      // Azure Database for PostgreSQL requires TLS; Entra sign-in too.
      ssl: { rejectUnauthorized: true },
    };
  }
}

function describe(rows: Array<Record<string, unknown>>, isDefault: boolean) {
  const terminated = rows.filter(row => row.terminated === true);
  if (isDefault || rows.some(row => 'terminated' in row)) {
    const pids = terminated.map(row => row.pid).join(', ');
    return terminated.length === 0
      ? 'No idle sessions to end'
      : `Ended ${terminated.length} idle session${
          terminated.length === 1 ? '' : 's'
        } (pid ${pids})`;
  }
  return `Query returned ${rows.length} row${rows.length === 1 ? '' : 's'}`;
}
