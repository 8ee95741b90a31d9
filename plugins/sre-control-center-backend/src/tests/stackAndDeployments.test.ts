import {
  TestDatabases,
  mockCredentials,
  mockServices,
} from '@backstage/backend-test-utils';
import {
  RESOURCE_GROUP_ID,
  SITE_ID,
  startCloudEmulator,
  type RunningEmulator,
} from '@sre-control-center/cloud-emulator';
import request from 'supertest';
import { eventually, systemOwning } from './fixtures';
import { startPluginBackend } from './__testUtils__/pluginBackend';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_16'] });
const BASE = '/api/sre-control-center';
const SYSTEM = 'system:default/mindful-moments';
const DEPLOY_TOKEN = 'deploy-token-0123456789abcdef';

const system = {
  ...systemOwning(RESOURCE_GROUP_ID),
  metadata: {
    ...systemOwning(RESOURCE_GROUP_ID).metadata,
    annotations: {
      ...systemOwning(RESOURCE_GROUP_ID).metadata.annotations,
      'github.com/project-slug': 'mindful-moments/mindful-moments',
    },
  },
};
const site = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name: 'app-mindful-moments-dev',
    namespace: 'default',
    annotations: { 'sre-control-center/azure-resource-id': SITE_ID },
  },
  spec: {
    type: 'azure-app-service',
    owner: 'group:default/mindful-moments-team',
    system: 'mindful-moments',
  },
  relations: [{ type: 'partOf', targetRef: SYSTEM }],
};

// The stack card's route and the deployment webhook through the plugin's
// wiring: the scheduled refresh reads Azure (the emulator) into a snapshot,
// and deployments reach the timeline.
describe.each(databases.eachSupportedId())(
  'stack and deployments on %p',
  databaseId => {
    let emulator: RunningEmulator;
    let server: Awaited<ReturnType<typeof startPluginBackend>>;

    beforeAll(async () => {
      emulator = await startCloudEmulator();
      server = await startPluginBackend({
        knex: await databases.init(databaseId),
        entities: [system, site] as never,
        config: {
          webhookToken: 'test-webhook-token-0123456789',
          azure: { endpoint: emulator.url },
          deployments: { token: DEPLOY_TOKEN },
        },
        features: [
          mockServices.scheduler.factory({
            includeInitialDelayedTasksOnStartup: true,
          }),
        ],
      });
    });

    afterAll(async () => {
      await emulator.close();
    });

    it('serves the stack snapshot the scheduled refresh made, without calling Azure per view', async () => {
      const res = await eventually(
        () =>
          request(server)
            .get(`${BASE}/stack`)
            .query({ entityRef: SYSTEM })
            .set('authorization', mockCredentials.user.header()),
        r => r.status === 200,
      );
      expect(res.status).toBe(200);
      expect(res.body.resources.map((r: { name: string }) => r.name)).toEqual([
        'app-mindful-moments-dev',
      ]);
      const before = Object.values(emulator.state.armRequests).reduce(
        (a, b) => a + b,
        0,
      );
      for (let i = 0; i < 5; i++) {
        await request(server)
          .get(`${BASE}/stack`)
          .query({ entityRef: SYSTEM })
          .set('authorization', mockCredentials.user.header())
          .expect(200);
      }
      const after = Object.values(emulator.state.armRequests).reduce(
        (a, b) => a + b,
        0,
      );
      expect(after).toBe(before);
      const hidden = await request(server)
        .get(`${BASE}/stack`)
        .query({ entityRef: 'system:default/not-in-catalog' })
        .set('authorization', mockCredentials.user.header());
      expect(hidden.status).toBe(404);
    });

    it('records a deployment once and puts it on the timeline', async () => {
      const body = {
        entityRef: SYSTEM,
        version: '2026.12.1',
        commit: 'a'.repeat(40),
        environment: 'dev',
        status: 'success',
        actor: 'octocat',
        url: 'https://github.com/mindful-moments/mindful-moments/actions/runs/42',
        runId: 42,
      };
      const post = () =>
        request(server)
          .post(`${BASE}/webhooks/deployments`)
          .set('authorization', `Bearer ${DEPLOY_TOKEN}`)
          .send(body);
      expect((await post()).status).toBe(201);
      const replay = await post();
      expect(replay.status).toBe(200);
      expect(replay.body.outcome).toBe('unchanged');
      const unauthenticated = await request(server)
        .post(`${BASE}/webhooks/deployments`)
        .set('authorization', 'Bearer wrong-token-0123456789')
        .send(body);
      expect(unauthenticated.status).toBe(401);
      const timeline = await request(server)
        .get(`${BASE}/timeline`)
        .query({ entityRef: SYSTEM })
        .set('authorization', mockCredentials.user.header());
      expect(timeline.body.items).toContainEqual(
        expect.objectContaining({
          kind: 'deployment',
          action: 'deployment.success',
          summary: 'Deployed 2026.12.1 (aaaaaaa) to dev',
        }),
      );
    });
  },
);
