import { TestDatabases, mockCredentials } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { RESOURCE_GROUP_ID } from '@sre-control-center/cloud-emulator';
import request from 'supertest';
import { systemOwning } from './fixtures';
import { startPluginBackend } from './__testUtils__/pluginBackend';
import { suiteEmulator } from './__testUtils__/suiteEmulator';
import { recordedSignals } from './__testUtils__/recordedSignals';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_16'] });
const BASE = '/api/sre-control-center';
const SYSTEM = 'system:default/mindful-moments';
const ALEX = 'user:default/alex.sre';

/** A System whose resource group does not exist in (emulated) Azure. */
const gone = systemOwning(
  RESOURCE_GROUP_ID.replace('rg-mindful-moments-dev', 'rg-gone'),
);
const orphan = { ...gone, metadata: { ...gone.metadata, name: 'orphan' } };

describe.each(databases.eachSupportedId())(
  'maintenance windows on %p',
  databaseId => {
    const emulator = suiteEmulator();

    afterEach(() => {
      emulator.state.alertProcessingRules.length = 0;
    });

    async function backend(
      permission:
        | AuthorizeResult.ALLOW
        | AuthorizeResult.DENY = AuthorizeResult.ALLOW,
    ) {
      const knex = await databases.init(databaseId);
      const { signals, feature } = recordedSignals();
      const server = await startPluginBackend({
        knex,
        entities: [systemOwning(RESOURCE_GROUP_ID), orphan],
        permission,
        config: {
          webhookToken: 'test-webhook-token-0123456789',
          azure: { endpoint: emulator.url },
        },
        // Records what open pages would be told.
        features: [feature],
      });
      return { server, signals };
    }

    /** Fires an alert on the System's App Service and returns what the action group did with it. */
    async function fireAlert() {
      await emulator.runScenario('http-5xx', { resolveAfterMs: null });
      await emulator.whenIdle();
      return emulator.state.deliveries.at(-1)!;
    }

    it('starts a window that silences the System in Azure, lists it, and ends it', async () => {
      const { server, signals } = await backend();
      const started = await request(server)
        .post(`${BASE}/maintenance`)
        .set('authorization', mockCredentials.user.header(ALEX))
        .send({
          entityRef: 'System:default/Mindful-Moments',
          minutes: 30,
          reason: 'PostgreSQL major upgrade',
        });
      expect(started.status).toBe(201);
      const window = started.body;
      expect(window).toEqual({
        name: expect.stringMatching(/^sre-cc-maintenance-\d{8}t\d{9}z$/),
        ruleId: expect.stringMatching(/\/actionRules\/sre-cc-maintenance-/),
        entityRef: SYSTEM,
        reason: 'PostgreSQL major upgrade',
        startedBy: ALEX,
        startedAt: expect.any(String),
        endsAt: expect.any(String),
      });
      expect(Date.parse(window.endsAt) - Date.parse(window.startedAt)).toBe(
        30 * 60_000,
      );
      expect(Math.abs(Date.parse(window.startedAt) - Date.now())).toBeLessThan(
        5_000,
      );

      // Azure holds the rule: the whole resource group, all action groups removed, until the end.
      const [rule] = emulator.state.alertProcessingRules;
      expect(rule).toMatchObject({
        name: window.name,
        properties: {
          scopes: [RESOURCE_GROUP_ID.toLowerCase()],
          actions: [{ actionType: 'RemoveAllActionGroups' }],
          schedule: {
            effectiveUntil: window.endsAt.slice(0, 19),
            timeZone: 'UTC',
          },
          description: `PostgreSQL major upgrade (started by ${ALEX} in the SRE Control Center)`,
          enabled: true,
        },
      });

      // Scripts (service principals) may read.
      const listed = await request(server)
        .get(`${BASE}/maintenance`)
        .query({ entityRef: SYSTEM })
        .set('authorization', mockCredentials.service.header());
      expect(listed.status).toBe(200);
      expect(listed.body).toEqual({ items: [window] });

      // While it lasts, Azure sends the action group nothing.
      expect(await fireAlert()).toMatchObject({
        outcome: 'suppressed',
        suppressedBy: window.ruleId,
      });

      const ended = await request(server)
        .delete(`${BASE}/maintenance/${window.name}`)
        .query({ entityRef: SYSTEM })
        .set('authorization', mockCredentials.user.header(ALEX));
      expect(ended.status).toBe(204);
      expect(emulator.state.alertProcessingRules).toEqual([]);
      const after = await request(server)
        .get(`${BASE}/maintenance`)
        .query({ entityRef: SYSTEM })
        .set('authorization', mockCredentials.user.header());
      expect(after.body).toEqual({ items: [] });
      // Not suppressed any more: the emulator has no webhook URL here, so it skips sending.
      expect((await fireAlert()).outcome).toBe('skipped');

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
        ['maintenance.end', ALEX],
        ['maintenance.start', ALEX],
      ]);
      expect(audit.body.items[1]).toMatchObject({
        target: window.ruleId,
        details: { reason: 'PostgreSQL major upgrade', minutes: 30 },
      });

      expect(signals).toEqual([
        {
          recipients: { type: 'broadcast' },
          channel: `sre-control-center:${SYSTEM}`,
          message: { type: 'maintenance.changed', entityRef: SYSTEM },
        },
        {
          recipients: { type: 'broadcast' },
          channel: `sre-control-center:${SYSTEM}`,
          message: { type: 'maintenance.changed', entityRef: SYSTEM },
        },
      ]);
    });

    it('refuses without the permission, without a user, and with bad input', async () => {
      const denied = (await backend(AuthorizeResult.DENY)).server;
      const body = { entityRef: SYSTEM, minutes: 60, reason: 'deploy' };
      const forbidden = await request(denied)
        .post(`${BASE}/maintenance`)
        .set('authorization', mockCredentials.user.header())
        .send(body);
      expect(forbidden.status).toBe(403);
      expect(forbidden.body.error.message).toMatch(
        /sre-control-center\.maintenance\.manage/,
      );
      const forbiddenEnd = await request(denied)
        .delete(`${BASE}/maintenance/sre-cc-maintenance-x`)
        .query({ entityRef: SYSTEM })
        .set('authorization', mockCredentials.user.header());
      expect(forbiddenEnd.status).toBe(403);
      // Reading needs no permission beyond signing in.
      const read = await request(denied)
        .get(`${BASE}/maintenance`)
        .query({ entityRef: SYSTEM })
        .set('authorization', mockCredentials.user.header());
      expect(read.status).toBe(200);

      const { server } = await backend();
      const asService = await request(server)
        .post(`${BASE}/maintenance`)
        .set('authorization', mockCredentials.service.header())
        .send(body);
      expect(asService.status).toBe(403);
      const anonymous = await request(server)
        .get(`${BASE}/maintenance`)
        .query({ entityRef: SYSTEM })
        .set('authorization', mockCredentials.none.header());
      expect(anonymous.status).toBe(401);

      const bad: Array<[object, RegExp]> = [
        [{ ...body, minutes: 4 }, /minutes/],
        [{ ...body, minutes: 1441 }, /minutes/],
        [{ ...body, minutes: 2.5 }, /minutes/],
        [{ ...body, minutes: '30' }, /minutes/],
        [{ ...body, reason: '   ' }, /reason/],
        [{ entityRef: SYSTEM, minutes: 30 }, /reason/],
        [{ ...body, entityRef: 'mindful-moments' }, /entityRef/],
        [{ ...body, extra: true }, /unknown field extra/],
      ];
      for (const [input, message] of bad) {
        const res = await request(server)
          .post(`${BASE}/maintenance`)
          .set('authorization', mockCredentials.user.header())
          .send(input);
        expect({ input, status: res.status }).toEqual({ input, status: 400 });
        expect(res.body.error.message).toMatch(message);
      }
      const noRef = await request(server)
        .get(`${BASE}/maintenance`)
        .set('authorization', mockCredentials.user.header());
      expect(noRef.status).toBe(400);
      expect(emulator.state.alertProcessingRules).toEqual([]);

      const unknownSystem = await request(server)
        .get(`${BASE}/maintenance`)
        .query({ entityRef: 'system:default/nope' })
        .set('authorization', mockCredentials.user.header());
      // A System the catalog does not have (or the user cannot see): a 404.
      expect(unknownSystem.status).toBe(404);
      expect(unknownSystem.body.error.message).toMatch(
        /No System system:default\/nope/,
      );
      const unknownWindow = await request(server)
        .delete(`${BASE}/maintenance/sre-cc-maintenance-none`)
        .query({ entityRef: SYSTEM })
        .set('authorization', mockCredentials.user.header());
      expect(unknownWindow.status).toBe(404);
      expect(unknownWindow.body.error.name).toBe('NotFoundError');
    });

    it('answers 503 and records nothing when Azure refuses', async () => {
      const { server, signals } = await backend();
      const res = await request(server)
        .post(`${BASE}/maintenance`)
        .set('authorization', mockCredentials.user.header(ALEX))
        .send({ entityRef: 'system:default/orphan', minutes: 30, reason: 'x' });
      expect(res.status).toBe(503);
      expect(res.body.error.message).toMatch(/ResourceGroupNotFound/);
      const audit = await request(server)
        .get(`${BASE}/audit`)
        .query({ entityRef: 'system:default/orphan' })
        .set('authorization', mockCredentials.user.header());
      expect(audit.body.items).toEqual([]);
      expect(
        signals.filter(
          s => (s.message as { type?: string }).type === 'maintenance.changed',
        ),
      ).toEqual([]);
    });
  },
);
