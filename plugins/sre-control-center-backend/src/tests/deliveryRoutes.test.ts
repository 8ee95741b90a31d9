import { TestDatabases, mockCredentials } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { SignalPayload } from '@backstage/plugin-signals-node';
import { RESOURCE_GROUP_ID } from '@sre-control-center/cloud-emulator';
import request from 'supertest';
import { eventually, systemOwning } from './fixtures';
import { startPluginBackend } from './__testUtils__/pluginBackend';
import { suiteEmulator } from './__testUtils__/suiteEmulator';
import { recordedSignals } from './__testUtils__/recordedSignals';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_16'] });
const BASE = '/api/sre-control-center';
const TOKEN = 'test-webhook-token-0123456789';
const operator = mockCredentials.user.header('user:default/alex.sre');

// The operators' delivery routes: a budget alert for a budget no System has
// is accepted, fails its processing with a reason, and can be requeued.
describe.each(databases.eachSupportedId())(
  'webhook deliveries for operators on %p',
  databaseId => {
    const emulator = suiteEmulator();

    async function backend(
      permission: AuthorizeResult.ALLOW | AuthorizeResult.DENY,
    ) {
      const knex = await databases.init(databaseId);
      const { signals, feature } = recordedSignals();
      const server = await startPluginBackend({
        knex,
        entities: [systemOwning(RESOURCE_GROUP_ID)],
        permission,
        config: { webhookToken: TOKEN, azure: { endpoint: emulator.url } },
        // Records what open pages would be told.
        features: [feature],
      });
      return { server, signals };
    }

    async function failingDelivery(
      server: Awaited<ReturnType<typeof backend>>['server'],
    ) {
      const budget = `budget-nobody-has-${Date.now()}`;
      const posted = await request(server)
        .post(`${BASE}/webhooks/azure-monitor?token=${TOKEN}`)
        .send({
          schemaId: 'AIP Budget Notification',
          data: { BudgetName: budget, SpentAmount: 100 },
        });
      expect(posted.status).toBe(202);
      type Delivery = { id: string; attempts: number; error: string };
      const pending = () =>
        request(server)
          .get(`${BASE}/deliveries`)
          .query({ status: 'pending' })
          .set('authorization', operator)
          .then(r => (r.body.items ?? []) as Delivery[]);
      // Accepted by the 202, then processed (and failed) in the background.
      const items = await eventually(pending, list =>
        list.some(d => d.error?.includes(budget)),
      );
      const item = items.find(d => d.error?.includes(budget));
      expect(item).toBeDefined();
      return item!;
    }

    it('requeues a failed delivery and tells the operators’ pages', async () => {
      const { server, signals } = await backend(AuthorizeResult.ALLOW);
      const delivery = await failingDelivery(server);
      expect(delivery.error).toMatch(/no catalog System has the annotation/);
      const before = signals.length;
      const retried = await request(server)
        .post(`${BASE}/deliveries/${delivery.id}/retry`)
        .set('authorization', operator);
      expect(retried.status).toBe(200);
      expect(retried.body).toMatchObject({ id: delivery.id, attempts: 0 });
      const changed = (list: SignalPayload[]) =>
        list.some(
          p => (p.message as { type?: string }).type === 'operations.changed',
        );
      expect(
        changed(await eventually(async () => signals.slice(before), changed)),
      ).toBe(true);
    });

    it('answers 400 for a malformed id, 404 for an unknown one, 403 without the permission', async () => {
      const allowed = await backend(AuthorizeResult.ALLOW);
      const malformed = await request(allowed.server)
        .post(`${BASE}/deliveries/1;drop/retry`)
        .set('authorization', operator);
      expect(malformed.status).toBe(400);
      expect(malformed.body.error.message).toMatch(/must be a delivery id/);
      const unknown = await request(allowed.server)
        .post(`${BASE}/deliveries/999999/retry`)
        .set('authorization', operator);
      expect(unknown.status).toBe(404);
      expect(unknown.body.error.message).toMatch(
        /No failed or pending delivery 999999/,
      );

      const denied = await backend(AuthorizeResult.DENY);
      const refused = await request(denied.server)
        .post(`${BASE}/deliveries/1/retry`)
        .set('authorization', operator);
      expect(refused.status).toBe(403);
      expect(refused.body.error.message).toMatch(/requeue webhook deliveries/);
    });
  },
);
