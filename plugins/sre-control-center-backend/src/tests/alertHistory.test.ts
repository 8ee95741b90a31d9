import { TestDatabases, mockCredentials } from '@backstage/backend-test-utils';
import { RESOURCE_GROUP_ID, SITE_ID } from '@sre-control-center/cloud-emulator';
import request from 'supertest';
import {
  azureAlertId,
  commonAlertPayload,
  eventually,
  systemOwning,
} from './fixtures';
import { startPluginBackend } from './__testUtils__/pluginBackend';
import { suiteEmulator } from './__testUtils__/suiteEmulator';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_16'] });
const TOKEN = 'test-webhook-token-0123456789';
const BASE = '/api/sre-control-center';
const SYSTEM = 'system:default/mindful-moments';
const SUBSCRIPTION = '3f2b8c1e-7d4a-4e5b-9c6f-1a2b3c4d5e6f';

describe.each(databases.eachSupportedId())(
  'alert history and catch-up on %p',
  databaseId => {
    const emulator = suiteEmulator();

    async function backend() {
      const knex = await databases.init(databaseId);
      return startPluginBackend({
        knex,
        entities: [systemOwning(RESOURCE_GROUP_ID)],
        config: { webhookToken: TOKEN, azure: { endpoint: emulator.url } },
      });
    }

    /** Fires an alert in the emulator, delivers its webhook, returns the portal's id. */
    async function firedAlert(server: Awaited<ReturnType<typeof backend>>) {
      const { alertId } = (await emulator.runScenario('http-5xx', {
        resolveAfterMs: null,
      })) as { alertId: string };
      const fullId = `/subscriptions/${SUBSCRIPTION}/providers/Microsoft.AlertsManagement/alerts/${alertId}`;
      await request(server)
        .post(`${BASE}/webhooks/azure-monitor?token=${TOKEN}`)
        .send(
          commonAlertPayload({
            alertId: fullId,
            alertRule: 'alert-http-5xx',
            severity: 'Sev1',
            monitorCondition: 'Fired',
            targetResourceId: SITE_ID,
            firedDateTime: new Date().toISOString(),
          }),
        )
        .expect(202);
      const id = fullId.toLowerCase();
      await eventually(
        () =>
          request(server)
            .get(`${BASE}/alerts/${encodeURIComponent(id)}`)
            .set('authorization', mockCredentials.user.header()),
        res => res.status === 200,
      );
      return id;
    }

    const asAlex = mockCredentials.user.header('user:default/alex.sre');

    it('serves who did what to an alert, oldest first', async () => {
      const server = await backend();
      const id = await firedAlert(server);
      const url = `${BASE}/alerts/${encodeURIComponent(id)}`;
      await request(server)
        .post(`${url}/acknowledge`)
        .set('authorization', asAlex)
        .send({ comment: 'looking into it' })
        .expect(200);
      await request(server)
        .post(`${url}/close`)
        .set('authorization', asAlex)
        .expect(200);

      const res = await request(server)
        .get(`${url}/events`)
        .set('authorization', mockCredentials.user.header());
      expect(res.status).toBe(200);
      expect(
        res.body.items.map((e: { type: string; actor: string | null }) => [
          e.type,
          e.actor,
        ]),
      ).toEqual([
        ['fired', 'azure-monitor'],
        ['acknowledged', 'user:default/alex.sre'],
        ['closed', 'user:default/alex.sre'],
      ]);
      expect(res.body.items[1].details).toEqual({ comment: 'looking into it' });
      expect(Number.isNaN(Date.parse(res.body.items[0].at))).toBe(false);

      const missing = await request(server)
        .get(
          `${BASE}/alerts/${encodeURIComponent(azureAlertId(999_999))}/events`,
        )
        .set('authorization', mockCredentials.user.header());
      expect(missing.status).toBe(404);
      expect(missing.body.error.name).toBe('NotFoundError');
      const anonymous = await request(server)
        .get(`${url}/events`)
        .set('authorization', mockCredentials.none.header());
      expect(anonymous.status).toBe(401);
    });

    it('lists only alerts changed since a time, for catch-up after missed signals', async () => {
      const server = await backend();
      const quiet = await firedAlert(server);
      const busy = await firedAlert(server);
      const list = (query: Record<string, string>) =>
        request(server)
          .get(`${BASE}/alerts`)
          .query({ entityRef: SYSTEM, ...query })
          .set('authorization', mockCredentials.user.header());

      const before = await list({});
      const mark = before.body.items.find(
        (a: { id: string }) => a.id === busy,
      ).updatedAt;
      // Timestamps have millisecond resolution: make the change land later.
      await new Promise(r => setTimeout(r, 5));
      await request(server)
        .post(`${BASE}/alerts/${encodeURIComponent(busy)}/acknowledge`)
        .set('authorization', asAlex)
        .expect(200);

      const changed = await list({ changedSince: mark });
      expect(changed.status).toBe(200);
      // Only these two are this test's: the reconciler may import the
      // emulator's seeded alerts at any time, and they count as changed.
      expect(
        changed.body.items
          .filter((a: { id: string }) => [quiet, busy].includes(a.id))
          .map((a: { id: string; state: string }) => [a.id, a.state]),
      ).toEqual([[busy, 'Acknowledged']]);
      const all = await list({
        changedSince: new Date(Date.UTC(2020, 0, 1)).toISOString(),
      });
      expect(all.body.items.map((a: { id: string }) => a.id)).toEqual(
        expect.arrayContaining([quiet, busy]),
      );
      const bad = await list({ changedSince: 'yesterday' });
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toMatch(/changedSince/);
    });
  },
);
