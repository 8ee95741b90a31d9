import {
  TestDatabases,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import request from 'supertest';
import { sreControlCenterPlugin } from './plugin';
import { systemOwning } from './tests/fixtures';
import { startPluginBackend } from './tests/__testUtils__/pluginBackend';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_16'] });
const TOKEN = 'test-webhook-token-0123456789';
const BASE = '/api/sre-control-center';

const commonAlert = {
  schemaId: 'azureMonitorCommonAlertSchema',
  data: {
    essentials: {
      alertId:
        '/subscriptions/3f2b8c1e-7d4a-4e5b-9c6f-1a2b3c4d5e6f/providers/Microsoft.AlertsManagement/alerts/b9569717-bc32-442f-add5-83a997729330',
      alertRule: 'alert-high-response-time',
      severity: 'Sev2',
      monitorCondition: 'Fired',
      alertTargetIDs: [
        '/subscriptions/3f2b8c1e-7d4a-4e5b-9c6f-1a2b3c4d5e6f/resourcegroups/rg-mindful-moments-dev/providers/microsoft.web/sites/app-mindful-moments-dev',
      ],
      firedDateTime: '2026-11-28T10:00:00.000Z',
    },
    alertContext: {},
  },
};

describe.each(databases.eachSupportedId())(
  'sre-control-center backend on %p',
  databaseId => {
    let server: Awaited<ReturnType<typeof startTestBackend>>['server'];
    let knex: Awaited<ReturnType<typeof databases.init>>;

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      server = await startPluginBackend({
        knex,
        entities: [
          systemOwning(
            '/subscriptions/3f2b8c1e-7d4a-4e5b-9c6f-1a2b3c4d5e6f/resourceGroups/rg-mindful-moments-dev',
          ),
        ],
        config: { webhookToken: TOKEN },
      });
    });

    afterAll(async () => {
      await knex.destroy();
    });

    it('answers health without credentials', async () => {
      const res = await request(server).get(`${BASE}/health`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ status: 'ok' });
    });

    describe('GET /alerts', () => {
      it('refuses anonymous callers', async () => {
        const res = await request(server)
          .get(`${BASE}/alerts?entityRef=system:default/mindful-moments`)
          .set('authorization', mockCredentials.none.header());
        expect(res.status).toBe(401);
        expect(res.body.error.name).toBe('AuthenticationError');
      });

      it.each([
        ['a user', mockCredentials.user.header()],
        ['a service principal', mockCredentials.service.header()],
      ])('serves %s', async (_who, header) => {
        const res = await request(server)
          .get(`${BASE}/alerts?entityRef=system:default/mindful-moments`)
          .set('authorization', header);
        expect(res.status).toBe(200);
        const before = Date.now();
        expect(res.body).toEqual({
          items: [],
          nextCursor: null,
          asOf: expect.any(String),
        });
        // The server's clock at the read: where a catch-up starts.
        expect(Math.abs(Date.parse(res.body.asOf) - before)).toBeLessThan(
          5_000,
        );
      });

      it('says which query field is wrong', async () => {
        const res = await request(server)
          .get(`${BASE}/alerts?entityRef=mindful-moments&limit=0`)
          .set('authorization', mockCredentials.user.header());
        expect(res.status).toBe(400);
        expect(res.body.error.name).toBe('InputError');
        expect(res.body.error.message).toMatch(
          /entityRef: must be a full entity ref, kind:namespace\/name/,
        );
        expect(res.body.error.message).toMatch(/limit:/);
      });

      it('rejects a forged cursor', async () => {
        const res = await request(server)
          .get(
            `${BASE}/alerts?entityRef=system:default/mindful-moments&cursor=Zm9v`,
          )
          .set('authorization', mockCredentials.user.header());
        expect(res.status).toBe(400);
        expect(res.body.error.message).toMatch(/cursor/);
      });
    });

    it('says when there are no cost figures yet, and what is wrong with a bad query', async () => {
      const none = await request(server)
        .get(`${BASE}/costs?entityRef=system:default/mindful-moments`)
        .set('authorization', mockCredentials.user.header());
      expect(none.status).toBe(404);
      expect(none.body.error.message).toMatch(
        /No cost figures for system:default\/mindful-moments/,
      );
      const bad = await request(server)
        .get(`${BASE}/costs`)
        .set('authorization', mockCredentials.user.header());
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toMatch(/entityRef/);
    });

    it('answers unknown routes with a JSON 404', async () => {
      const res = await request(server)
        .get(`${BASE}/no-such-route`)
        .set('authorization', mockCredentials.user.header());
      expect(res.status).toBe(404);
      expect(res.body.error).toEqual(
        expect.objectContaining({
          name: 'NotFoundError',
          message: expect.stringContaining('/no-such-route'),
        }),
      );
    });

    it('answers an unknown alert with a JSON 404, and a malformed id with a 400', async () => {
      const unknown = await request(server)
        .get(
          `${BASE}/alerts/${encodeURIComponent(
            '/subscriptions/3f2b8c1e-7d4a-4e5b-9c6f-1a2b3c4d5e6f/providers/Microsoft.AlertsManagement/alerts/00000000-0000-0000-0000-000000000000',
          )}`,
        )
        .set('authorization', mockCredentials.user.header());
      expect(unknown.status).toBe(404);
      expect(unknown.body.error.name).toBe('NotFoundError');
      const malformed = await request(server)
        .get(
          `${BASE}/alerts/${encodeURIComponent(
            '/subscriptions/x/alerts/none',
          )}`,
        )
        .set('authorization', mockCredentials.user.header());
      expect(malformed.status).toBe(400);
      expect(malformed.body.error.message).toMatch(/Invalid alert id/);
    });

    it('says nothing about Systems a user cannot see: 404', async () => {
      const res = await request(server)
        .get(`${BASE}/alerts?entityRef=system:default/not-in-catalog`)
        .set('authorization', mockCredentials.user.header());
      expect(res.status).toBe(404);
    });

    describe('POST /webhooks/azure-monitor', () => {
      const url = `${BASE}/webhooks/azure-monitor`;

      it('stores the delivery before answering 202, replays included', async () => {
        const before = await knex('inbox').count({ n: '*' }).first();
        for (let i = 0; i < 2; i++) {
          const res = await request(server)
            .post(`${url}?token=${TOKEN}`)
            .set('content-type', 'application/json')
            .send(JSON.stringify(commonAlert));
          expect(res.status).toBe(202);
          expect(res.body.accepted).toBe(true);
        }
        const after = await knex('inbox').count({ n: '*' }).first();
        expect(Number(after!.n) - Number(before!.n)).toBe(2);
        const row = await knex('inbox').orderBy('id', 'desc').first();
        expect(JSON.parse(row.body)).toEqual(commonAlert);
        expect(row.kind).toBe('common-alert');
      });

      it('needs the token', async () => {
        const res = await request(server).post(url).send(commonAlert);
        expect(res.status).toBe(401);
        expect(res.body.error.message).toMatch(/token/);
      });

      it('refuses a wrong token as a failed authentication, without echoing the URL’s query', async () => {
        for (const token of ['wrong', TOKEN.slice(0, -1), `${TOKEN}x`]) {
          const res = await request(server)
            .post(`${url}?token=${token}`)
            .send(commonAlert);
          expect(res.status).toBe(401);
          expect(JSON.stringify(res.body)).not.toContain('token=');
          expect(res.body.request.url).toBe(url);
        }
        const bad = await request(server)
          .post(`${url}?token=${TOKEN}`)
          .set('content-type', 'application/json')
          .send('{"schemaId":');
        expect(JSON.stringify(bad.body)).not.toContain(TOKEN);
        // Stack traces only in development.
        expect(bad.body.error.stack).toBeUndefined();
      });

      it('says when the body is not JSON', async () => {
        const res = await request(server)
          .post(`${url}?token=${TOKEN}`)
          .set('content-type', 'application/json')
          .send('{"schemaId":');
        expect(res.status).toBe(400);
        expect(res.body.error.message).toMatch(/not valid JSON/);
      });

      it('classifies a Cost Management budget alert as a budget delivery', async () => {
        const res = await request(server)
          .post(`${url}?token=${TOKEN}`)
          .send({
            schemaId: 'azureMonitorCommonAlertSchema',
            data: {
              essentials: {
                alertId:
                  '/subscriptions/3f2b8c1e-7d4a-4e5b-9c6f-1a2b3c4d5e6f/providers/Microsoft.CostManagement/alerts/1',
                monitoringService: 'CostAlerts',
              },
              alertContext: { AlertData: { BudgetName: 'b' } },
            },
          });
        expect(res.status).toBe(202);
        const row = await knex('inbox').where('id', res.body.inboxId).first();
        expect(row.kind).toBe('budget');
      });

      it('keeps JSON of an unknown shape as an unrecognized delivery', async () => {
        const res = await request(server)
          .post(`${url}?token=${TOKEN}`)
          .send({ hello: 'world' });
        expect(res.status).toBe(202);
        expect(res.body.kind).toBe('unrecognized');
        const row = await knex('inbox').where('id', res.body.inboxId).first();
        expect(JSON.parse(row.body)).toEqual({ hello: 'world' });
      });

      it('answers 422 naming what fails the common alert schema, and keeps the delivery for inspection', async () => {
        const bad = {
          ...commonAlert,
          data: {
            ...commonAlert.data,
            essentials: {
              ...commonAlert.data.essentials,
              severity: 'High',
              firedDateTime: 'yesterday',
            },
          },
        };
        const res = await request(server)
          .post(`${url}?token=${TOKEN}`)
          .send(bad);
        expect(res.status).toBe(422);
        expect(res.body.error.name).toBe('UnprocessableEntityError');
        expect(res.body.error.message).toMatch(/data\.essentials\.severity/);
        expect(res.body.error.message).toMatch(
          /data\.essentials\.firedDateTime/,
        );
        const id = res.body.error.message.match(/inbox delivery (\d+)/)?.[1];
        const row = await knex('inbox').where('id', id).first();
        expect(JSON.parse(row.body)).toEqual(bad);
        expect(row.kind).toBe('common-alert');
        expect(row.processed_at).not.toBeNull();
        expect(row.error).toMatch(/data\.essentials\.severity/);
      });

      it('takes the System from ?entityRef= and refuses one that is not a System', async () => {
        const ok = await request(server)
          .post(
            `${url}?token=${TOKEN}&entityRef=System:default/Mindful-Moments`,
          )
          .send({ hello: 'entity' });
        expect(ok.status).toBe(202);
        const row = await knex('inbox').where('id', ok.body.inboxId).first();
        expect(row.entity_ref).toBe('system:default/mindful-moments');

        const bad = await request(server)
          .post(`${url}?token=${TOKEN}&entityRef=component:default/app`)
          .send({ hello: 'entity' });
        expect(bad.status).toBe(400);
        expect(bad.body.error.message).toMatch(/entityRef must name a System/);

        // A System the catalog does not have: refused, kept for inspection.
        const unknown = await request(server)
          .post(`${url}?token=${TOKEN}&entityRef=system:default/audit-probe`)
          .send({ hello: 'entity' });
        expect(unknown.status).toBe(422);
        expect(unknown.body.error.message).toMatch(
          /system:default\/audit-probe is not a System in the catalog/,
        );
        const kept = await knex('inbox').orderBy('id', 'desc').first();
        expect(kept).toMatchObject({ status: 'refused' });
      });

      it('accepts up to 1 MiB and answers 413 above it, saying the limit', async () => {
        const body = (size: number) => {
          const base = JSON.stringify({ ...commonAlert, padding: '' });
          return JSON.stringify({
            ...commonAlert,
            padding: 'x'.repeat(size - base.length),
          });
        };
        const atLimit = await request(server)
          .post(`${url}?token=${TOKEN}`)
          .set('content-type', 'application/json')
          .send(body(1024 * 1024));
        expect(atLimit.status).toBe(202);
        const over = await request(server)
          .post(`${url}?token=${TOKEN}`)
          .set('content-type', 'application/json')
          .send(body(1024 * 1024 + 1));
        expect(over.status).toBe(413);
        expect(over.body.error).toMatchObject({
          name: 'PayloadTooLargeError',
          message: expect.stringContaining('1 MiB'),
        });
      });
    });
  },
);

describe('configuration', () => {
  it('refuses to start with a broken sreControlCenter block, naming the key', async () => {
    await expect(
      startTestBackend({
        features: [
          sreControlCenterPlugin,
          mockServices.rootConfig.factory({
            data: {
              sreControlCenter: { approvals: { approvers: 'sre-owners' } },
            },
          }),
        ],
      }),
    ).rejects.toThrow(/sreControlCenter\.approvals\.approvers/);
  });
});
