import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import request from 'supertest';
import { CatalogSystemRepositories } from '../adapters/catalog/CatalogSystemRepositories';
import {
  DeploymentRecorder,
  DeploymentTimelineSource,
} from '../domain/deployments';
import { createDeploymentWebhookRouter } from '../service/deploymentWebhook';
import { DatabaseDeploymentStore } from '../store/DatabaseDeploymentStore';
import { migrationsDir } from '../store/migrations';

jest.setTimeout(60_000);

const TOKEN = 'deploy-token-0123456789abcdef';
const AUDIENCE = 'https://portal.example.com/sre-control-center';
const SYSTEM = 'system:default/mindful-moments';
const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_16'] });

const body = (overrides: Record<string, unknown> = {}) => ({
  entityRef: SYSTEM,
  version: '2026.12.1',
  commit: 'A1B2C3D4E5F60718293A4B5C6D7E8F9012345678',
  environment: 'dev',
  status: 'success',
  actor: 'maya-lindqvist',
  url: 'https://github.com/mindful-moments/mindful-moments/actions/runs/42',
  runId: 42,
  ...overrides,
});

/** GitHub's token service stand-in: a JWKS endpoint and a signer, like token.actions.githubusercontent.com. */
async function startGithubOidc() {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const jwk = {
    ...(await exportJWK(publicKey)),
    kid: 'gh-1',
    alg: 'RS256',
    use: 'sig',
  };
  const server: Server = createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const sign = (
    claims: Record<string, unknown>,
    options: { audience?: string; issuer?: string; expired?: boolean } = {},
  ) =>
    new SignJWT({
      repository: 'mindful-moments/mindful-moments',
      ref: 'refs/heads/main',
      ...claims,
    })
      .setProtectedHeader({ alg: 'RS256', kid: 'gh-1' })
      .setIssuer(options.issuer ?? issuer)
      .setAudience(options.audience ?? AUDIENCE)
      .setSubject('repo:mindful-moments/mindful-moments:ref:refs/heads/main')
      .setIssuedAt()
      .setExpirationTime(
        options.expired ? Math.floor(Date.now() / 1000) - 600 : '5m',
      )
      .sign(privateKey);
  return {
    issuer,
    jwksUri: `${issuer}/.well-known/jwks`,
    sign,
    close: () => new Promise<void>(resolve => server.close(() => resolve())),
  };
}

describe.each(databases.eachSupportedId())(
  'POST /webhooks/deployments on %p',
  databaseId => {
    let oidc: Awaited<ReturnType<typeof startGithubOidc>>;
    let server: Awaited<ReturnType<typeof startTestBackend>>['server'];
    let store: DatabaseDeploymentStore;
    const path = '/api/sre-control-center/webhooks/deployments';

    beforeAll(async () => {
      oidc = await startGithubOidc();
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory: migrationsDir });
      store = new DatabaseDeploymentStore(knex);
      // The router in a real backend, the way plugin.ts will mount it.
      const plugin = createBackendPlugin({
        pluginId: 'sre-control-center',
        register(env) {
          env.registerInit({
            deps: {
              httpRouter: coreServices.httpRouter,
              auth: coreServices.auth,
              catalog: catalogServiceRef,
            },
            async init({ httpRouter, auth, catalog }) {
              httpRouter.use(
                createDeploymentWebhookRouter({
                  recorder: new DeploymentRecorder({
                    store,
                    systems: new CatalogSystemRepositories(catalog, auth),
                  }),
                  auth: {
                    token: TOKEN,
                    githubOidc: {
                      audience: AUDIENCE,
                      issuer: oidc.issuer,
                      jwksUri: oidc.jwksUri,
                    },
                  },
                }),
              );
              httpRouter.addAuthPolicy({
                path: '/webhooks/deployments',
                allow: 'unauthenticated',
              });
            },
          });
        },
      });
      ({ server } = await startTestBackend({
        features: [
          plugin,
          catalogServiceMock.factory({
            entities: [
              {
                apiVersion: 'backstage.io/v1alpha1',
                kind: 'System',
                metadata: {
                  name: 'mindful-moments',
                  namespace: 'default',
                  annotations: {
                    'github.com/project-slug':
                      'mindful-moments/mindful-moments',
                  },
                },
                spec: { owner: 'group:default/mindful-moments-team' },
              },
              {
                apiVersion: 'backstage.io/v1alpha1',
                kind: 'System',
                metadata: { name: 'no-repo', namespace: 'default' },
                spec: { owner: 'group:default/x' },
              },
            ],
          }),
          mockServices.rootConfig.factory({ data: {} }),
        ],
      }));
    });
    afterAll(async () => {
      await oidc.close();
    });

    it('records a deployment with the shared token (201), and a replay changes nothing (200)', async () => {
      const first = await request(server)
        .post(path)
        .set('authorization', `Bearer ${TOKEN}`)
        .send(body());
      expect(first.status).toBe(201);
      expect(first.body.outcome).toBe('created');
      expect(first.body.deployment).toMatchObject({
        entityRef: SYSTEM,
        version: '2026.12.1',
        commit: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
        status: 'success',
        runId: '42',
      });
      const replay = await request(server)
        .post(path)
        .set('authorization', `Bearer ${TOKEN}`)
        .send(body());
      expect(replay.status).toBe(200);
      expect(replay.body).toEqual({ ...first.body, outcome: 'unchanged' });
      expect(await store.list(SYSTEM, { limit: 10 })).toHaveLength(1);
    });

    it('moves in_progress to a finish, never back', async () => {
      const run = { runId: '43', commit: 'b'.repeat(40) };
      const send = (status: string) =>
        request(server)
          .post(path)
          .set('authorization', `Bearer ${TOKEN}`)
          .send(body({ ...run, status }));
      expect((await send('in_progress')).status).toBe(201);
      const done = await send('failure');
      expect([
        done.status,
        done.body.outcome,
        done.body.deployment.status,
      ]).toEqual([200, 'updated', 'failure']);
      const late = await send('in_progress');
      expect([late.body.outcome, late.body.deployment.status]).toEqual([
        'unchanged',
        'failure',
      ]);
      // A re-run attempt of the same run may still succeed.
      expect((await send('success')).body.deployment.status).toBe('success');
    });

    it('refuses the same run reported with another version (409)', async () => {
      const res = await request(server)
        .post(path)
        .set('authorization', `Bearer ${TOKEN}`)
        .send(body({ version: '2026.12.2' }));
      expect(res.status).toBe(409);
      expect(res.body.error).toMatchObject({
        name: 'ConflictError',
        message:
          'Run 42 of commit a1b2c3d to dev was recorded as version 2026.12.1, not 2026.12.2',
      });
    });

    it.each([
      [{ status: 'done' }, /status: Invalid option/],
      [{ commit: 'abc123' }, /commit: must be a full 40-character commit SHA/],
      [
        { entityRef: 'component:default/mindful-moments-app' },
        /entityRef: must be a System/,
      ],
      [{ branch: 'main' }, /unknown field branch/],
      [{ url: 'http://example.com/run' }, /url:/],
    ])('answers 400 naming the bad field for %p', async (change, message) => {
      const res = await request(server)
        .post(path)
        .set('authorization', `Bearer ${TOKEN}`)
        .send(body(change));
      expect(res.status).toBe(400);
      expect(res.body.error.name).toBe('InputError');
      expect(res.body.error.message).toMatch(message);
    });

    it('answers 404 for a System that is not in the catalog', async () => {
      const res = await request(server)
        .post(path)
        .set('authorization', `Bearer ${TOKEN}`)
        .send(body({ entityRef: 'system:default/unknown' }));
      expect(res.status).toBe(404);
    });

    it('answers 401 without credentials and for a wrong token, before reading the body', async () => {
      const none = await request(server).post(path).send(body());
      expect(none.status).toBe(401);
      expect(none.body.error.message).toMatch(/Missing Authorization: Bearer/);
      const wrong = await request(server)
        .post(path)
        .set('authorization', 'Bearer wrong-token')
        .set('content-type', 'application/json')
        .send('{not json');
      expect(wrong.status).toBe(401);
    });

    it("accepts a GitHub OIDC token of the System's repository", async () => {
      const token = await oidc.sign({});
      const res = await request(server)
        .post(path)
        .set('authorization', `Bearer ${token}`)
        .send(body({ runId: 50, commit: 'c'.repeat(40) }));
      expect(res.status).toBe(201);
    });

    it('refuses an OIDC token of another repository (403), another audience or an expired one (401)', async () => {
      const other = await request(server)
        .post(path)
        .set(
          'authorization',
          `Bearer ${await oidc.sign({ repository: 'someone/else' })}`,
        )
        .send(body({ runId: 51 }));
      expect(other.status).toBe(403);
      expect(other.body.error.message).toBe(
        'The token is for repository someone/else, but system:default/mindful-moments is mindful-moments/mindful-moments (github.com/project-slug)',
      );
      const audience = await request(server)
        .post(path)
        .set(
          'authorization',
          `Bearer ${await oidc.sign({}, { audience: 'api://other' })}`,
        )
        .send(body({ runId: 52 }));
      expect(audience.status).toBe(401);
      expect(audience.body.error.message).toMatch(
        /Invalid GitHub OIDC token: unexpected "aud" claim value/,
      );
      const expired = await request(server)
        .post(path)
        .set(
          'authorization',
          `Bearer ${await oidc.sign({}, { expired: true })}`,
        )
        .send(body({ runId: 53 }));
      expect(expired.status).toBe(401);
      const noRepo = await request(server)
        .post(path)
        .set('authorization', `Bearer ${await oidc.sign({})}`)
        .send(body({ entityRef: 'system:default/no-repo', runId: 54 }));
      expect(noRepo.status).toBe(409);
    });

    it('puts deployments on the timeline, newest first', async () => {
      const entries = await new DeploymentTimelineSource(store).entries(
        SYSTEM,
        10,
      );
      expect(entries[0]).toMatchObject({
        kind: 'deployment',
        action: 'deployment.success',
        actor: 'maya-lindqvist',
      });
      expect(entries.map(e => e.summary)).toContain(
        'Deployed 2026.12.1 (a1b2c3d) to dev',
      );
    });
  },
);
