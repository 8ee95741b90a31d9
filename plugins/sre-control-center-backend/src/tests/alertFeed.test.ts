import { TestDatabases, mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import {
  azureAlertId,
  commonAlertPayload,
  eventually,
  systemOwning,
} from './fixtures';
import { startPluginBackend } from './__testUtils__/pluginBackend';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_16'] });
const TOKEN = 'test-webhook-token-0123456789';
const SUB = '3f2b8c1e-7d4a-4e5b-9c6f-1a2b3c4d5e6f';

const system = systemOwning(
  `/subscriptions/${SUB}/resourceGroups/rg-mindful-moments-dev`,
);

function alertPayload(
  n: number,
  monitorCondition: 'Fired' | 'Resolved' = 'Fired',
) {
  return commonAlertPayload({
    alertId: azureAlertId(n, SUB),
    alertRule: 'alert-high-response-time',
    severity: 'Sev2',
    monitorCondition,
    targetResourceId: `/subscriptions/${SUB}/resourcegroups/rg-mindful-moments-dev/providers/microsoft.web/sites/app-mindful-moments-dev`,
    firedDateTime: new Date(Date.UTC(2026, 10, 28, 10, n)).toISOString(),
  });
}

describe.each(databases.eachSupportedId())(
  'alert feed end to end on %p',
  databaseId => {
    it('turns webhook deliveries into a paged alert list for the owning System', async () => {
      const knex = await databases.init(databaseId);
      const server = await startPluginBackend({
        knex,
        entities: [system],
        config: { webhookToken: TOKEN },
      });
      const post = (body: object) =>
        request(server)
          .post(`/api/sre-control-center/webhooks/azure-monitor?token=${TOKEN}`)
          .send(body)
          .expect(202);

      for (let n = 1; n <= 3; n++) await post(alertPayload(n));
      await post(alertPayload(2)); // an action-group retry
      await post(alertPayload(1, 'Resolved'));

      const list = (query: Record<string, string | number>) =>
        request(server)
          .get('/api/sre-control-center/alerts')
          .query({ entityRef: 'system:default/mindful-moments', ...query })
          .set('authorization', mockCredentials.user.header());

      // Processing is asynchronous to the 202: wait until all five deliveries are in.
      const all = await eventually(
        () => list({ limit: 10 }),
        res =>
          res.body.items?.length === 3 &&
          res.body.items[2].monitorCondition === 'Resolved',
      );
      expect(
        all.body.items.map((a: { id: string }) => a.id.split('-').pop()),
      ).toEqual(['000000000003', '000000000002', '000000000001']);

      const first = await list({ limit: 2 });
      expect(first.status).toBe(200);
      expect(
        first.body.items.map((a: { id: string }) => a.id.split('-').pop()),
      ).toEqual(['000000000003', '000000000002']);
      const second = await list({ limit: 2, cursor: first.body.nextCursor });
      expect(second.body.items).toHaveLength(1);
      expect(second.body.items[0]).toMatchObject({
        name: 'alert-high-response-time',
        entityRef: 'system:default/mindful-moments',
        state: 'New',
        monitorCondition: 'Resolved',
      });
      expect(second.body.nextCursor).toBeNull();
      await knex.destroy();
    });
  },
);
