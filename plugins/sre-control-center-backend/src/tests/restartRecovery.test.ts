import { mockCredentials } from '@backstage/backend-test-utils';
import {
  startCloudEmulator,
  type RunningEmulator,
} from '@sre-control-center/cloud-emulator';
import knexFactory, { type Knex } from 'knex';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LEASE_MS } from '../domain/inbox/InboxProcessor';
import { UNROUTED_INITIAL_DELAY_S } from '../service/backgroundTasks';
import type { ChildBackendOptions } from './__testUtils__/childBackend';
import { startChild, stop, type Child } from './__testUtils__/childProcess';
import {
  azureAlertId,
  alertmanagerPayload,
  commonAlertPayload,
  plainSystem,
  systemOwning,
} from './fixtures';

jest.setTimeout(180_000);

/**
 * Kill and restart: every delivery answered 202 must become an alert, even
 * when the process is SIGKILLed right after the 202s. The backend runs as a
 * child process on a SQLite file; the second run uses the same file.
 *
 * The first run's catalog does not know the System that owns the resource
 * group yet, so what it processes of the deliveries placed by resource group
 * is stored unrouted; the rest is pending or claimed when the process dies.
 * The second run knows the System: pending deliveries are placed, claimed
 * ones after the lease, unrouted alerts move with the first routing pass.
 */

const TOKEN = 'test-webhook-token-0123456789';
const SYSTEM = 'system:default/mindful-moments';
const SUB = '3f2b8c1e-7d4a-4e5b-9c6f-1a2b3c4d5e6f';
const RG = `/subscriptions/${SUB}/resourceGroups/rg-restart-test`;
const SITE = `${RG}/providers/Microsoft.Web/sites/app-restart-test`;
const AZURE_BY_URL = 20;
const AZURE_BY_GROUP = 20;
const ALERTMANAGER = 10; // two alerts each

/** Every delivery of the test, with the alert ids it must produce. */
function deliveries() {
  const list: Array<{ route: string; body: object; alertIds: string[] }> = [];
  const azure = (n: number) =>
    commonAlertPayload({
      alertId: azureAlertId(n, SUB),
      alertRule: 'alert-high-response-time',
      severity: 'Sev2',
      monitorCondition: 'Fired',
      targetResourceId: SITE,
      firedDateTime: new Date(Date.UTC(2026, 10, 28, 10, 0, n)).toISOString(),
    });
  const azureId = (n: number) => azureAlertId(n, SUB).toLowerCase();
  for (let n = 0; n < AZURE_BY_URL; n++) {
    list.push({
      route: `webhooks/azure-monitor?token=${TOKEN}&entityRef=${SYSTEM}`,
      body: azure(n),
      alertIds: [azureId(n)],
    });
  }
  for (let n = AZURE_BY_URL; n < AZURE_BY_URL + AZURE_BY_GROUP; n++) {
    list.push({
      route: `webhooks/azure-monitor?token=${TOKEN}`,
      body: azure(n),
      alertIds: [azureId(n)],
    });
  }
  for (let n = 0; n < ALERTMANAGER; n++) {
    const payload = alertmanagerPayload({}, SITE);
    const hex = n.toString(16).padStart(4, '0');
    payload.alerts[0].fingerprint = `aaaa00000000${hex}`;
    payload.alerts[1].fingerprint = `bbbb00000000${hex}`;
    list.push({
      route: `webhooks/alertmanager?token=${TOKEN}`,
      body: payload,
      alertIds: [
        `alertmanager:aaaa00000000${hex}`,
        `alertmanager:bbbb00000000${hex}`,
      ],
    });
  }
  return list;
}

describe('kill and restart', () => {
  let emulator: RunningEmulator;
  let dir: string;
  const children: Child[] = [];

  beforeAll(async () => {
    // Reconciliation in the second run asks "Azure" about the resource group.
    emulator = await startCloudEmulator({ seed: false });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sre-cc-restart-'));
  });

  afterAll(async () => {
    await Promise.all(children.map(c => stop(c, 'SIGKILL')));
    await emulator.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function openDb(file: string): Promise<Knex> {
    return knexFactory({
      client: 'better-sqlite3',
      connection: { filename: file },
      useNullAsDefault: true,
    });
  }

  it('turns every delivery acknowledged before a SIGKILL into an alert after the restart', async () => {
    const sqliteFile = path.join(dir, 'sre-control-center.sqlite');
    const options: ChildBackendOptions = {
      sqliteFile,
      webhookToken: TOKEN,
      azureEndpoint: emulator.url,
      // The System exists, but the catalog has not read its annotation yet:
      // alerts of its resource group are kept unrouted until it has.
      entities: [plainSystem('mindful-moments')],
    };
    const first = await startChild(options);
    children.push(first);

    const all = deliveries();
    const statuses = await Promise.all(
      all.map(async d => {
        const res = await fetch(`${first.url}/${d.route}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(d.body),
        });
        return res.status;
      }),
    );
    // Killed the moment the last 202 is in: no graceful shutdown, no flush.
    await stop(first, 'SIGKILL');
    expect(statuses).toEqual(all.map(() => 202));

    // What the dead process left on disk: every acknowledged delivery.
    let db = await openDb(sqliteFile);
    expect(Number((await db('inbox').count({ n: '*' }).first())!.n)).toBe(
      all.length,
    );
    // Whether the kill caught a batch claimed and not yet applied depends on
    // timing; make sure of one: the last five deliveries, leased to the dead
    // process whatever it did with them (applying one again changes
    // nothing). CI once lost such a batch: the restarted backend never
    // drained again after the lease ran out.
    const lastFive = (
      await db('inbox').orderBy('id', 'desc').limit(5).select('id')
    ).map(r => r.id);
    await db('inbox')
      .whereIn('id', lastFive)
      .update({
        status: 'pending',
        processed_at: null,
        error: null,
        lease_holder: 'the-killed-process',
        lease_until: new Date(Date.now() + LEASE_MS),
      });
    await db.destroy();

    const second = await startChild({
      ...options,
      entities: [systemOwning(RG)],
    });
    children.push(second);
    const expected = all.flatMap(d => d.alertIds).sort();
    let ids: string[] = [];
    // Deliveries the killed process had claimed wait for its lease to run
    // out; those it stored unrouted (their System was not in its catalog)
    // move with the first routing pass. Generous: a loaded CI machine.
    const deadline =
      Date.now() + Math.max(LEASE_MS, UNROUTED_INITIAL_DELAY_S * 1000) + 60_000;
    while (Date.now() < deadline) {
      const res = await fetch(
        `${second.url}/alerts?entityRef=${SYSTEM}&limit=200`,
        { headers: { authorization: mockCredentials.user.header() } },
      );
      ids = ((await res.json()).items ?? []).map((a: { id: string }) => a.id);
      if (ids.length >= expected.length) break;
      await new Promise(r => setTimeout(r, 200));
    }
    expect(ids.sort()).toEqual(expected);

    // The leased deliveries are processed once their lease has run out.
    db = await openDb(sqliteFile);
    let unprocessed: unknown[] = [];
    while (Date.now() < deadline) {
      unprocessed = await db('inbox')
        .whereNull('processed_at')
        .select('id', 'error');
      if (unprocessed.length === 0) break;
      await new Promise(r => setTimeout(r, 500));
    }
    expect(unprocessed).toEqual([]);
    expect(await db('inbox').whereNotNull('error').select('id')).toEqual([]);
    await db.destroy();
    await stop(second, 'SIGTERM');
  });
});
