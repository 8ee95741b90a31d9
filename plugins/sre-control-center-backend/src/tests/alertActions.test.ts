import { TestDatabases, mockCredentials } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { RESOURCE_GROUP_ID, SITE_ID } from '@sre-control-center/cloud-emulator';
import request from 'supertest';
import {
  azureAlertId as alertIdOf,
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

const system = systemOwning(RESOURCE_GROUP_ID);

/** The common-alert-schema delivery Azure would send for an alert of the emulator. */
function webhookFor(alertId: string) {
  return commonAlertPayload({
    alertId,
    alertRule: 'alert-http-5xx',
    severity: 'Sev1',
    monitorCondition: 'Fired',
    targetResourceId: SITE_ID,
    firedDateTime: new Date().toISOString(),
  });
}

describe.each(databases.eachSupportedId())(
  'acknowledge and close on %p',
  databaseId => {
    const emulator = suiteEmulator();

    async function backend(
      permission:
        | AuthorizeResult.ALLOW
        | AuthorizeResult.DENY = AuthorizeResult.ALLOW,
    ) {
      return startPluginBackend({
        knex: await databases.init(databaseId),
        entities: [system],
        permission,
        config: { webhookToken: TOKEN, azure: { endpoint: emulator.url } },
      });
    }

    /** Fires an alert in the emulator and delivers its webhook; returns the portal's alert id. */
    async function firedAlert(server: Awaited<ReturnType<typeof backend>>) {
      const { alertId } = (await emulator.runScenario('http-5xx', {
        resolveAfterMs: null,
      })) as {
        alertId: string;
      };
      const azureId = emulator.state.alerts.find(a => a.alertId === alertId)!;
      const fullId = `/subscriptions/3f2b8c1e-7d4a-4e5b-9c6f-1a2b3c4d5e6f/providers/Microsoft.AlertsManagement/alerts/${azureId.alertId}`;
      await request(server)
        .post(`${BASE}/webhooks/azure-monitor?token=${TOKEN}`)
        .send(webhookFor(fullId))
        .expect(202);
      const id = fullId.toLowerCase();
      await eventually(
        () =>
          request(server)
            .get(`${BASE}/alerts/${encodeURIComponent(id)}`)
            .set('authorization', mockCredentials.user.header()),
        res => res.status === 200,
      );
      return { id, azureAlertId: alertId };
    }

    it('acknowledges and closes in Azure first, then here, with an audit trail', async () => {
      const server = await backend();
      const { id, azureAlertId } = await firedAlert(server);
      const url = `${BASE}/alerts/${encodeURIComponent(id)}`;

      const ack = await request(server)
        .post(`${url}/acknowledge`)
        .set(
          'authorization',
          mockCredentials.user.header('user:default/alex.sre'),
        )
        .send({ comment: 'looking into it' });
      expect(ack.status).toBe(200);
      expect(ack.body).toMatchObject({
        changed: true,
        alert: { id, state: 'Acknowledged' },
      });
      const inAzure = emulator.state.alerts.find(
        a => a.alertId === azureAlertId,
      )!;
      expect(inAzure.essentials.alertState).toBe('Acknowledged');

      // A double click is harmless.
      const again = await request(server)
        .post(`${url}/acknowledge`)
        .set(
          'authorization',
          mockCredentials.user.header('user:default/alex.sre'),
        );
      expect(again.body.changed).toBe(false);

      const close = await request(server)
        .post(`${url}/close`)
        .set(
          'authorization',
          mockCredentials.user.header('user:default/alex.sre'),
        );
      expect(close.body.alert.state).toBe('Closed');
      expect(
        emulator.state.alerts.find(a => a.alertId === azureAlertId)!.essentials
          .alertState,
      ).toBe('Closed');

      const reopen = await request(server)
        .post(`${url}/acknowledge`)
        .set(
          'authorization',
          mockCredentials.user.header('user:default/alex.sre'),
        );
      expect(reopen.status).toBe(409);
      expect(reopen.body.error.name).toBe('ConflictError');

      const audit = await request(server)
        .get(`${BASE}/audit`)
        .query({ entityRef: SYSTEM })
        .set('authorization', mockCredentials.service.header());
      expect(
        audit.body.items.map((e: { action: string; actor: string }) => [
          e.action,
          e.actor,
        ]),
      ).toEqual([
        ['alert.close', 'user:default/alex.sre'],
        ['alert.acknowledge', 'user:default/alex.sre'],
      ]);
      expect(audit.body.items[1].details).toEqual({
        from: 'New',
        to: 'Acknowledged',
        comment: 'looking into it',
      });
    });

    it('refuses without the permission, without a user, and with a bad body', async () => {
      const denied = await backend(AuthorizeResult.DENY);
      const { id } = await firedAlert(denied);
      const url = `${BASE}/alerts/${encodeURIComponent(id)}/acknowledge`;
      const forbidden = await request(denied)
        .post(url)
        .set('authorization', mockCredentials.user.header());
      expect(forbidden.status).toBe(403);
      expect(forbidden.body.error.message).toMatch(
        /sre-control-center\.alert\.update/,
      );

      const server = await backend();
      const service = await request(server)
        .post(url)
        .set('authorization', mockCredentials.service.header());
      expect(service.status).toBe(403);
      const bad = await request(server)
        .post(url)
        .set('authorization', mockCredentials.user.header())
        .send({ comment: 'x', extra: true });
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toMatch(/unknown field extra/);
      const missing = await request(server)
        .post(`${BASE}/alerts/${encodeURIComponent(alertIdOf(999_999))}/close`)
        .set('authorization', mockCredentials.user.header());
      expect(missing.status).toBe(404);
    });

    it('changes nothing here when Azure refuses', async () => {
      const server = await backend();
      const { id, azureAlertId } = await firedAlert(server);
      // The alert disappears from Azure (e.g. deleted with its rule): changestate answers 404.
      emulator.state.alerts.splice(
        emulator.state.alerts.findIndex(a => a.alertId === azureAlertId),
        1,
      );
      const res = await request(server)
        .post(`${BASE}/alerts/${encodeURIComponent(id)}/close`)
        .set('authorization', mockCredentials.user.header());
      expect(res.status).toBe(503);
      expect(res.body.error.message).toMatch(/Azure did not accept/);
      const after = await request(server)
        .get(`${BASE}/alerts/${encodeURIComponent(id)}`)
        .set('authorization', mockCredentials.user.header());
      expect(after.body.state).toBe('New');
    });
  },
);
