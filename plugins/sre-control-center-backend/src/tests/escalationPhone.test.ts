import { createServiceFactory } from '@backstage/backend-plugin-api';
import { TestDatabases, mockCredentials } from '@backstage/backend-test-utils';
import { notificationService } from '@backstage/plugin-notifications-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  ACS_ACCESS_KEY,
  ACS_RESOURCE_ID,
  ACS_SOURCE_NUMBER,
  RESOURCE_GROUP_ID,
  SITE_ID,
  TWILIO_ACCOUNT_SID,
  TWILIO_AUTH_TOKEN,
  TWILIO_FROM,
  type EmulatedCall,
} from '@sre-control-center/cloud-emulator';
import type { Escalation } from '@sre-control-center/plugin-sre-control-center-common';
import request from 'supertest';
import { commonAlertPayload, eventually, systemOwning } from './fixtures';
import { startPluginBackend } from './__testUtils__/pluginBackend';
import { suiteEmulator } from './__testUtils__/suiteEmulator';

jest.setTimeout(90_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_16'] });
const TOKEN = 'test-webhook-token-0123456789';
const BASE = '/api/sre-control-center';
const SYSTEM = 'system:default/mindful-moments';
const GUEST = 'user:default/guest';
const ALEX = 'user:default/alex.sre';
const GUEST_PHONE = '+4915100000001';
const ALEX_PHONE = '+4915100000002';
/** The guest's shift started yesterday and lasts 28 days: they are on call, Alex is next. */
const YESTERDAY = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

function user(name: string, phone: string) {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: {
      name,
      namespace: 'default',
      annotations: { 'sre-control-center/phone': phone },
    },
    spec: {},
  };
}

function phoneConfig(provider: 'acs' | 'twilio', emulatorUrl: string) {
  return provider === 'acs'
    ? {
        provider,
        acs: {
          connectionString: `endpoint=${emulatorUrl}/;accesskey=${ACS_ACCESS_KEY}`,
          sourceNumber: ACS_SOURCE_NUMBER,
          resourceId: ACS_RESOURCE_ID,
          openIdConfigurationUrl: `${emulatorUrl}/calling/.well-known/acsopenidconfiguration`,
        },
      }
    : {
        provider,
        twilio: {
          accountSid: TWILIO_ACCOUNT_SID,
          authToken: TWILIO_AUTH_TOKEN,
          from: TWILIO_FROM,
          apiBaseUrl: emulatorUrl,
        },
      };
}

describe.each(
  databases
    .eachSupportedId()
    .flatMap(([id]) => (['acs', 'twilio'] as const).map(p => [id, p] as const)),
)('on-call phone on %p through %p', (databaseId, provider) => {
  const emulator = suiteEmulator();
  const sent: Array<{
    recipients: unknown;
    payload: { title: string; topic?: string };
  }> = [];

  async function backend() {
    return startPluginBackend({
      knex: await databases.init(databaseId),
      entities: [
        systemOwning(RESOURCE_GROUP_ID),
        user('guest', GUEST_PHONE),
        user('alex.sre', ALEX_PHONE),
      ],
      permission: AuthorizeResult.ALLOW,
      config: {
        webhookToken: TOKEN,
        azure: { endpoint: emulator.url },
        escalation: {
          policies: [
            {
              name: 'mindful-moments',
              system: SYSTEM,
              levels: [
                {
                  afterMinutes: 0,
                  targets: [{ schedule: 'primary' }],
                  channels: ['notification', 'phone'],
                },
                {
                  afterMinutes: 3,
                  targets: [{ schedule: 'primary', position: 'next' }],
                  channels: ['phone'],
                },
              ],
            },
          ],
          schedules: [
            {
              name: 'primary',
              timeZone: 'Europe/Berlin',
              users: [GUEST, ALEX],
              start: YESTERDAY,
              lengthDays: 28,
            },
          ],
          phone: phoneConfig(provider, emulator.url),
        },
      },
      features: [
        createServiceFactory({
          service: notificationService,
          deps: {},
          factory: () => ({
            send: async (notification: any) => void sent.push(notification),
          }),
        }),
      ],
    });
  }

  /** Fires a Sev1 alert in the emulator and delivers its webhook, as the action group does. */
  async function fire(server: Awaited<ReturnType<typeof backend>>) {
    const { alertId } = (await emulator.runScenario('http-5xx', {
      resolveAfterMs: null,
    })) as { alertId: string };
    const fullId = `/subscriptions/3f2b8c1e-7d4a-4e5b-9c6f-1a2b3c4d5e6f/providers/Microsoft.AlertsManagement/alerts/${alertId}`;
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
    return { id: fullId.toLowerCase(), azureAlertId: alertId };
  }

  const escalations = (server: Awaited<ReturnType<typeof backend>>) =>
    request(server)
      .get(`${BASE}/escalations?entityRef=${SYSTEM}`)
      .set('authorization', mockCredentials.user.header())
      .then(res => res.body.items as Escalation[]);
  const calls = async () =>
    (
      (await (await fetch(`${emulator.url}/_emulator/phone/calls`)).json()) as {
        calls: EmulatedCall[];
      }
    ).calls.filter(c => c.provider === provider);

  it('the on-call presses 1: the alert is acknowledged in Azure and here in their name, the escalation ends', async () => {
    await emulator.runScenario('callee-presses-key', {
      number: GUEST_PHONE,
      key: '1',
      ringMs: 20,
    });
    const server = await backend();
    const { id, azureAlertId } = await fire(server);

    const [done] = await eventually(
      () => escalations(server),
      list =>
        list[0]?.state === 'acknowledged' &&
        list[0].attempts.some(a => a.outcome === 'acknowledged'),
    );
    expect(done).toMatchObject({
      alertId: id,
      state: 'acknowledged',
      endedBy: GUEST,
    });
    expect(done.attempts.map(a => [a.channel, a.target, a.outcome])).toEqual([
      ['notification', GUEST, 'notified'],
      ['phone', GUEST, 'acknowledged'],
    ]);
    expect(
      emulator.state.alerts.find(a => a.alertId === azureAlertId)!.essentials
        .alertState,
    ).toBe('Acknowledged');
    const alert = await request(server)
      .get(`${BASE}/alerts/${encodeURIComponent(id)}/events`)
      .set('authorization', mockCredentials.user.header());
    expect(alert.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'acknowledged', actor: GUEST }),
      ]),
    );
    const placed = (await calls()).find(c => c.to === GUEST_PHONE)!;
    expect(placed.prompt).toContain(
      'Sev1 alert alert-http-5xx on app-mindful-moments-dev',
    );
    expect(
      sent.find(
        n => (n.recipients as { entityRef: string }).entityRef === GUEST,
      )?.payload.topic,
    ).toBe('escalation');
  });

  it('the on-call does not answer: the next person is called at once', async () => {
    await emulator.runScenario('callee-no-answer', {
      number: GUEST_PHONE,
      ringMs: 20,
    });
    await emulator.runScenario('callee-presses-key', {
      number: ALEX_PHONE,
      key: '1',
      ringMs: 20,
    });
    const server = await backend();
    await fire(server);
    const [done] = await eventually(
      () => escalations(server),
      list =>
        list[0]?.state === 'acknowledged' &&
        list[0].attempts.some(a => a.outcome === 'acknowledged'),
    );
    expect(
      done.attempts.map(a => [a.level, a.channel, a.target, a.outcome]),
    ).toEqual([
      [0, 'notification', GUEST, 'notified'],
      [0, 'phone', GUEST, 'no_answer'],
      [1, 'phone', ALEX, 'acknowledged'],
    ]);
    expect(done.endedBy).toBe(ALEX);
  });

  it('refuses callbacks without a valid signature (401) and ignores unknown calls (200)', async () => {
    const server = await backend();
    const unknown = '00000000-0000-4000-8000-000000000000';
    const statuses =
      provider === 'acs'
        ? [
            (
              await request(server)
                .post(`${BASE}/webhooks/acs?attempt=${unknown}`)
                .send([])
            ).status,
            (
              await request(server)
                .post(`${BASE}/webhooks/acs?attempt=${unknown}`)
                .set(
                  'authorization',
                  'Bearer eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJ4In0.c2ln',
                )
                .send([])
            ).status,
          ]
        : [
            (
              await request(server)
                .post(`${BASE}/webhooks/twilio?attempt=${unknown}&event=status`)
                .type('form')
                .send({ CallStatus: 'in-progress' })
            ).status,
            (
              await request(server)
                .post(`${BASE}/webhooks/twilio?attempt=${unknown}&event=status`)
                .set('x-twilio-signature', 'bm90IGEgc2lnbmF0dXJl')
                .type('form')
                .send({ CallStatus: 'in-progress' })
            ).status,
          ];
    expect(statuses).toEqual([401, 401]);
    expect(await escalations(server)).toEqual([]);
  });
});
