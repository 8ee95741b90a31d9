import {
  TestDatabases,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import type { Knex } from 'knex';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { sreControlCenterPlugin } from '../plugin';

jest.setTimeout(60_000);

/**
 * Azure Monitor's secure webhook: the action group presents an Entra ID
 * token. Tokens here are signed with a key pair made for the test, whose
 * public half a small local server publishes as the tenant's JWKS.
 */

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_16'] });
const TOKEN = 'test-webhook-token-0123456789';
const TENANT = '9c1e4b7a-2d58-4f03-b6e9-0a7c3d5f8e21';
const AUDIENCE = 'api://sre-control-center-webhook';
const CLIENT_ID = '6f2d1c8e-3b47-4a90-8e15-7c0d9b2a4f63';
const URL_PATH = '/api/sre-control-center/webhooks/azure-monitor';
const KID = 'test-key-1';

const payload = { event: 'secure webhook test' };

let signingKey: CryptoKey;
let otherKey: CryptoKey;
let jwksServer: http.Server;
let jwksUri: string;

beforeAll(async () => {
  const pair = await generateKeyPair('RS256', { extractable: true });
  signingKey = pair.privateKey;
  otherKey = (await generateKeyPair('RS256')).privateKey;
  const jwk = { ...(await exportJWK(pair.publicKey)), kid: KID, use: 'sig' };
  jwksServer = http.createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>(resolve =>
    jwksServer.listen(0, '127.0.0.1', resolve),
  );
  const { port } = jwksServer.address() as AddressInfo;
  jwksUri = `http://127.0.0.1:${port}/${TENANT}/discovery/v2.0/keys`;
});

afterAll(async () => {
  await new Promise(resolve => jwksServer.close(resolve));
});

/** A token as Entra ID issues it to the action group; each claim can be overridden. */
function token(
  options: {
    issuer?: string;
    audience?: string;
    expiresAt?: number;
    key?: CryptoKey;
  } = {},
) {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ appid: '461e8683-5575-4561-ac7f-899cc907d62a' })
    .setProtectedHeader({ alg: 'RS256', kid: KID, typ: 'JWT' })
    .setIssuer(options.issuer ?? `https://sts.windows.net/${TENANT}/`)
    .setAudience(options.audience ?? AUDIENCE)
    .setIssuedAt(now - 60)
    .setNotBefore(now - 60)
    .setExpirationTime(options.expiresAt ?? now + 3600)
    .sign(options.key ?? signingKey);
}

async function backend(
  knex: Knex,
  entra: { tenantId: string; audience: string | string[]; jwksUri: string },
) {
  const { server } = await startTestBackend({
    features: [
      sreControlCenterPlugin,
      mockServices.database.factory({ knex }),
      mockServices.rootConfig.factory({
        data: {
          sreControlCenter: {
            webhookToken: TOKEN,
            webhookAuth: { entra },
          },
        },
      }),
    ],
  });
  return server;
}

describe.each(databases.eachSupportedId())(
  'secure webhook on %p',
  databaseId => {
    let knex: Knex;
    let server: Awaited<ReturnType<typeof backend>>;

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      server = await backend(knex, {
        tenantId: TENANT,
        audience: [AUDIENCE, CLIENT_ID],
        jwksUri,
      });
    });

    afterAll(async () => {
      await knex.destroy();
    });

    const post = (authorization?: string, query = '') => {
      const req = request(server).post(`${URL_PATH}${query}`);
      if (authorization) req.set('authorization', authorization);
      return req.send(payload);
    };

    it.each([
      ['a v1.0 token (what action groups get)', {}],
      [
        'a v2.0 token for the client id',
        {
          issuer: `https://login.microsoftonline.com/${TENANT}/v2.0`,
          audience: CLIENT_ID,
        },
      ],
    ])('accepts %s without ?token=', async (_what, claims) => {
      const res = await post(`Bearer ${await token(claims)}`);
      expect(res.status).toBe(202);
      const row = await knex('inbox').where('id', res.body.inboxId).first();
      expect(JSON.parse(row.body)).toEqual(payload);
    });

    it.each([
      [
        'an expired token',
        { expiresAt: Math.floor(Date.now() / 1000) - 600 },
        /"exp" claim/,
      ],
      ['a token for another app', { audience: 'api://other' }, /"aud" claim/],
      [
        'a token from another tenant',
        { issuer: 'https://sts.windows.net/another-tenant/' },
        /"iss" claim/,
      ],
      ['a token signed with another key', { key: 'other' }, /signature/],
    ])('refuses %s with 401 saying why', async (_what, claims, why) => {
      const { key, ...rest } = claims as Record<string, unknown>;
      const jwt = await token({
        ...rest,
        ...(key ? { key: otherKey } : {}),
      });
      // A good shared token does not rescue a bad bearer token.
      const res = await post(`Bearer ${jwt}`, `?token=${TOKEN}`);
      expect(res.status).toBe(401);
      expect(res.body.error.name).toBe('AuthenticationError');
      expect(res.body.error.message).toMatch(/Invalid Entra ID bearer token/);
      expect(res.body.error.message).toMatch(why);
    });

    it('refuses a bearer value that is not a JWT', async () => {
      const res = await post('Bearer not-a-jwt');
      expect(res.status).toBe(401);
      expect(res.body.error.message).toMatch(/Invalid Entra ID bearer token/);
    });

    it('still takes the shared token, and asks for either when both are missing', async () => {
      expect((await post(undefined, `?token=${TOKEN}`)).status).toBe(202);
      expect((await post(undefined, '?token=wrong')).status).toBe(401);
      const none = await post();
      expect(none.status).toBe(401);
      expect(none.body.error.message).toMatch(
        /\?token= on the webhook URL or an Entra ID bearer token/,
      );
    });

    it('answers 503 when the signing keys cannot be fetched, so Azure retries', async () => {
      const unreachable = await backend(await databases.init(databaseId), {
        tenantId: TENANT,
        audience: AUDIENCE,
        // Nothing listens on port 9 of this machine.
        jwksUri: 'http://127.0.0.1:9/keys',
      });
      const res = await request(unreachable)
        .post(URL_PATH)
        .set('authorization', `Bearer ${await token()}`)
        .send(payload);
      expect(res.status).toBe(503);
      expect(res.body.error.message).toMatch(/Cannot verify/);
    });
  },
);

describe('secure webhook configuration', () => {
  it('refuses an entra block without an audience, naming the key', async () => {
    await expect(
      startTestBackend({
        features: [
          sreControlCenterPlugin,
          mockServices.rootConfig.factory({
            data: {
              sreControlCenter: {
                webhookAuth: { entra: { tenantId: TENANT } },
              },
            },
          }),
        ],
      }),
    ).rejects.toThrow(/sreControlCenter\.webhookAuth\.entra\.audience/);
  });
});
