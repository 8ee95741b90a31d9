'use strict';
/**
 * The databases a benchmark runs the backend on: SQLite in a temp directory
 * always, PostgreSQL too with BENCH_POSTGRES (a server URL without database;
 * Backstage makes one database per plugin under a prefix unique to the run).
 * Also the backend env that selects one, a direct connection to the plugin's
 * own database (to count rows without going through the API), and clean-up.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

/** `only`: kinds asked for; `notes` collects why one was skipped. */
function benchDatabases({ only = ['sqlite', 'postgresql'], notes = [] } = {}) {
  const databases = [];
  if (only.includes('sqlite')) {
    databases.push({
      kind: 'sqlite',
      dir: fs.mkdtempSync(path.join(os.tmpdir(), 'sre-cc-bench-')),
    });
  }
  if (!only.includes('postgresql')) {
    // not asked for
  } else if (process.env.BENCH_POSTGRES) {
    databases.push({
      kind: 'postgresql',
      url: process.env.BENCH_POSTGRES,
      prefix: `bench_${Date.now()}_`,
    });
  } else {
    notes.push('PostgreSQL skipped: set BENCH_POSTGRES to include it');
  }
  return databases;
}

/** APP_CONFIG_* overrides that put the backend's databases on `db`. */
function backendDatabaseEnv(db) {
  if (db.kind === 'sqlite') {
    return {
      APP_CONFIG_backend_database_connection: JSON.stringify({
        directory: db.dir,
      }),
    };
  }
  const url = new URL(db.url);
  return {
    APP_CONFIG_backend_database_client: 'pg',
    APP_CONFIG_backend_database_connection: JSON.stringify({
      host: url.hostname,
      port: Number(url.port || 5432),
      user: decodeURIComponent(url.username || 'root'),
      password: decodeURIComponent(url.password || ''),
    }),
    APP_CONFIG_backend_database_prefix: db.prefix,
  };
}

/**
 * A connection to the Control Center plugin's own database, for reading
 * rows the benchmark needs (counts, timestamps). `query(sql, params)` takes
 * `?` placeholders on both kinds and resolves the rows.
 */
async function openPluginDatabase(db) {
  if (db.kind === 'sqlite') {
    const Database = require('better-sqlite3');
    const file = fs
      .readdirSync(db.dir)
      .find(f => f.includes('sre-control-center'));
    const sqlite = new Database(path.join(db.dir, file), {
      readonly: true,
      fileMustExist: true,
    });
    sqlite.pragma('busy_timeout = 10000');
    return {
      query: async (sql, params = []) => sqlite.prepare(sql).all(...params),
      close: async () => sqlite.close(),
    };
  }
  const { Client } = require('pg');
  const client = new Client({
    connectionString: `${db.url.replace(/\/$/, '')}/${
      db.prefix
    }sre-control-center`,
  });
  await client.connect();
  return {
    query: async (sql, params = []) => {
      let n = 0;
      const text = sql.replace(/\?/g, () => `$${++n}`);
      return (await client.query(text, params)).rows;
    },
    close: () => client.end(),
  };
}

/** Removes what the run made: the temp directory, or the run's PostgreSQL databases. */
async function dropBenchDatabase(db) {
  if (db.kind === 'sqlite') {
    fs.rmSync(db.dir, { recursive: true, force: true });
    return;
  }
  const { Client } = require('pg');
  const client = new Client({
    connectionString: `${db.url.replace(/\/$/, '')}/postgres`,
  });
  await client.connect();
  const { rows } = await client.query(
    'select datname from pg_database where datname like $1',
    [`${db.prefix}%`],
  );
  for (const { datname } of rows) {
    await client.query(`drop database if exists "${datname}" with (force)`);
  }
  await client.end();
}

module.exports = {
  benchDatabases,
  backendDatabaseEnv,
  openPluginDatabase,
  dropBenchDatabase,
};
