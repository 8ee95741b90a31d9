#!/usr/bin/env node
/*
 * Azure Monitor webhook intake: POST /webhooks/azure-monitor through the real
 * backend (all of Backstage's middleware), each request stored in the inbox
 * before its 202. Prints req/s and latency percentiles, then checks that the
 * inbox holds exactly as many rows as requests were answered 202.
 *
 *   node bench/webhook-ingest.js [--concurrency 50] [--total 20000] [--seconds 20]
 * Database: SQLite file by default; BENCH_POSTGRES=postgresql://root@127.0.0.1:5432 for PostgreSQL.
 */
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { startBackend, driveLoad, summarize } = require('./lib');
const { alertBody } = require('./payloads');

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

const TOKEN = 'bench-webhook-token-0123456789';
const PORT = arg('port', 7207);

async function main() {
  const postgres = process.env.BENCH_POSTGRES;
  const prefix = `bench_${Date.now()}_`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sre-cc-bench-'));
  const env = {
    SRE_CC_WEBHOOK_TOKEN: TOKEN,
    SRE_CC_NO_EMULATOR: '1',
    LOG_LEVEL: 'warn',
  };
  if (postgres) {
    const url = new URL(postgres);
    Object.assign(env, {
      APP_CONFIG_backend_database_client: 'pg',
      APP_CONFIG_backend_database_connection: JSON.stringify({
        host: url.hostname,
        port: Number(url.port || 5432),
        user: decodeURIComponent(url.username || 'root'),
        password: decodeURIComponent(url.password || ''),
      }),
      APP_CONFIG_backend_database_prefix: prefix,
    });
  } else {
    env.APP_CONFIG_backend_database_connection = JSON.stringify({
      directory: dir,
    });
  }
  const backend = await startBackend({ port: PORT, env });
  try {
    const url = `http://127.0.0.1:${PORT}/api/sre-control-center/webhooks/azure-monitor?token=${TOKEN}`;
    // Warm-up: JIT, connection pool, first inserts.
    await driveLoad({
      url,
      body: alertBody,
      concurrency: 10,
      total: 500,
      maxSeconds: 10,
    });
    const result = await driveLoad({
      url,
      body: alertBody,
      concurrency: arg('concurrency', 50),
      total: arg('total', 20_000),
      maxSeconds: arg('seconds', 20),
    });
    summarize(`webhook-ingest (${postgres ? 'postgresql' : 'sqlite'})`, result);
    if (!postgres) {
      const Database = require('better-sqlite3');
      const file = fs
        .readdirSync(dir)
        .find(f => f.includes('sre-control-center'));
      const db = new Database(path.join(dir, file), { readonly: true });
      const rows = db.prepare('select count(*) as n from inbox').get().n;
      const accepted = 500 + (result.statuses.get(202) || 0);
      console.log(
        JSON.stringify({
          check: 'inbox rows == 202 answers',
          rows,
          accepted,
          ok: rows === accepted,
        }),
      );
      db.close();
    }
  } finally {
    backend.stop();
    if (postgres) await dropDatabases(postgres, prefix);
  }
}

/** Backstage made one database per plugin for this run; leave none behind. */
async function dropDatabases(connectionString, prefix) {
  await new Promise(r => setTimeout(r, 2000)); // let the backend close its pools
  const { Client } = require('pg');
  const client = new Client({
    connectionString: `${connectionString.replace(/\/$/, '')}/postgres`,
  });
  await client.connect();
  const { rows } = await client.query(
    'select datname from pg_database where datname like $1',
    [`${prefix}%`],
  );
  for (const { datname } of rows) {
    await client.query(`drop database if exists "${datname}" with (force)`);
  }
  await client.end();
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
