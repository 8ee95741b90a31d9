import { createServiceFactory } from '@backstage/backend-plugin-api';
import { TestDatabases, mockCredentials } from '@backstage/backend-test-utils';
import { notificationService } from '@backstage/plugin-notifications-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { Escalation } from '@sre-control-center/plugin-sre-control-center-common';
import request from 'supertest';
import { alertmanagerPayload, eventually, plainSystem } from './fixtures';
import { startPluginBackend } from './__testUtils__/pluginBackend';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_16'] });
const TOKEN = 'test-webhook-token-0123456789';
const BASE = '/api/sre-control-center';
const SYSTEM = 'system:default/mindful-moments';
const GUEST = 'user:default/guest';

describe.each(databases.eachSupportedId())(
  'escalation routes on %p',
  databaseId => {
    const sent: unknown[] = [];

    async function backend(
      permission: AuthorizeResult.ALLOW | AuthorizeResult.DENY,
    ) {
      return startPluginBackend({
        knex: await databases.init(databaseId),
        entities: [plainSystem('mindful-moments')],
        permission,
        config: {
          webhookToken: TOKEN,
          escalation: {
            policies: [
              {
                name: 'mindful-moments',
                system: SYSTEM,
                urgency: { high: ['Sev0', 'Sev1'] },
                levels: [
                  {
                    afterMinutes: 0,
                    targets: [{ user: GUEST }],
                    channels: ['notification'],
                  },
                  {
                    afterMinutes: 30,
                    targets: [{ schedule: 'primary', position: 'next' }],
                    channels: ['notification'],
                  },
                ],
              },
            ],
            schedules: [
              {
                name: 'primary',
                timeZone: 'Europe/Berlin',
                users: [GUEST, 'user:default/alex.sre'],
                start: '2026-11-30',
              },
            ],
          },
        },
        features: [
          createServiceFactory({
            service: notificationService,
            deps: {},
            factory: () => ({ send: async (n: unknown) => void sent.push(n) }),
          }),
        ],
      });
    }

    /** An Alertmanager alert of the System (label), critical = Sev1: it starts an escalation. */
    async function escalated(server: Awaited<ReturnType<typeof backend>>) {
      const payload = alertmanagerPayload();
      payload.alerts = [
        {
          ...payload.alerts[0],
          labels: { ...payload.alerts[0].labels, backstage_entity_ref: SYSTEM },
        },
      ];
      await request(server)
        .post(`${BASE}/webhooks/alertmanager?token=${TOKEN}`)
        .send(payload)
        .expect(202);
      const list = await eventually(
        () =>
          request(server)
            .get(`${BASE}/escalations?entityRef=${SYSTEM}&state=active`)
            .set('authorization', mockCredentials.user.header())
            .then(res => res.body.items as Escalation[]),
        items => items.length > 0 && items[0].attempts.length > 0,
      );
      return list[0];
    }

    it('lists escalations, says who is on call, and lets a permitted user stop one', async () => {
      const server = await backend(AuthorizeResult.ALLOW);
      const escalation = await escalated(server);
      expect(escalation).toMatchObject({
        state: 'active',
        level: 1,
        policy: 'mindful-moments',
      });
      expect(escalation.attempts).toMatchObject([
        { channel: 'notification', target: GUEST, outcome: 'notified' },
      ]);

      const onCall = await request(server)
        .get(`${BASE}/oncall?entityRef=${SYSTEM}`)
        .set('authorization', mockCredentials.user.header());
      expect(onCall.status).toBe(200);
      expect(onCall.body).toMatchObject({
        entityRef: SYSTEM,
        canStop: true,
        schedules: [{ schedule: 'primary' }],
      });

      const stopped = await request(server)
        .post(`${BASE}/escalations/${escalation.id}/stop`)
        .set(
          'authorization',
          mockCredentials.user.header('user:default/sam.dev'),
        )
        .send({ reason: 'I am on it' });
      expect(stopped.status).toBe(200);
      expect(stopped.body).toMatchObject({
        state: 'stopped',
        endedBy: 'user:default/sam.dev',
      });
      const again = await request(server)
        .post(`${BASE}/escalations/${escalation.id}/stop`)
        .set('authorization', mockCredentials.user.header())
        .send({});
      expect(again.status).toBe(409);

      const timeline = await request(server)
        .get(`${BASE}/timeline?entityRef=${SYSTEM}`)
        .set('authorization', mockCredentials.user.header());
      expect(
        timeline.body.items.map((e: { action: string }) => e.action),
      ).toEqual(
        expect.arrayContaining([
          'escalation.started',
          'escalation.attempt',
          'escalation.stopped',
        ]),
      );
    });

    it('403 without the alert update permission, 404 for an unknown escalation, 400 for bad input, 401 anonymous', async () => {
      const server = await backend(AuthorizeResult.DENY);
      const escalation = await escalated(server);
      const denied = await request(server)
        .post(`${BASE}/escalations/${escalation.id}/stop`)
        .set('authorization', mockCredentials.user.header())
        .send({});
      expect(denied.status).toBe(403);
      expect(denied.body.error.name).toBe('NotAllowedError');

      const unknown = await request(server)
        .post(`${BASE}/escalations/00000000-0000-4000-8000-000000000000/stop`)
        .set('authorization', mockCredentials.user.header())
        .send({});
      expect(unknown.status).toBe(404);

      const bad = await request(server)
        .post(`${BASE}/escalations/not-an-id/stop`)
        .set('authorization', mockCredentials.user.header())
        .send({});
      expect(bad.status).toBe(400);
      const badQuery = await request(server)
        .get(`${BASE}/escalations?entityRef=mindful&state=sleeping`)
        .set('authorization', mockCredentials.user.header());
      expect(badQuery.status).toBe(400);
      expect(badQuery.body.error.message).toMatch(/entityRef.*state/);

      const anonymous = await request(server)
        .post(`${BASE}/escalations/${escalation.id}/stop`)
        .set('authorization', mockCredentials.none.header())
        .send({});
      expect(anonymous.status).toBe(401);
      expect(
        (
          await request(server)
            .get(`${BASE}/oncall?entityRef=${SYSTEM}`)
            .set('authorization', mockCredentials.user.header())
        ).body.canStop,
      ).toBe(false);
    });
  },
);
