import {
  TestDatabases,
  mockCredentials,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type {
  Alert,
  UnroutedAlert,
} from '@sre-control-center/plugin-sre-control-center-common';
import type { Knex } from 'knex';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import {
  alertmanagerPayload,
  eventually,
  plainSystem,
  systemOwning,
} from './fixtures';
import { startPluginBackend } from './__testUtils__/pluginBackend';

jest.setTimeout(60_000);

/**
 * Webhook ingest end to end, through the real HTTP routes: every documented
 * Azure payload, Alertmanager deliveries, unrecognized JSON.
 */

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_16'] });
const TOKEN = 'test-webhook-token-0123456789';
const BASE = '/api/sre-control-center';
const SYSTEM = 'system:default/mindful-moments';
const OTHER = 'system:default/other-project';
const RG =
  '/subscriptions/3f2b8c1e-7d4a-4e5b-9c6f-1a2b3c4d5e6f/resourceGroups/rg-mindful-moments-dev';
const FIXTURES = path.join(__dirname, '../adapters/azure/__fixtures__');

describe.each(databases.eachSupportedId())(
  'webhook ingest on %p',
  databaseId => {
    let server: Awaited<ReturnType<typeof startTestBackend>>['server'];
    let knex: Knex;

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      server = await startPluginBackend({
        knex,
        entities: [systemOwning(RG), plainSystem('other-project')],
        permission: AuthorizeResult.ALLOW,
        config: {
          webhookToken: TOKEN,
          // Nothing listens there: a call to "Azure" would fail loudly.
          azure: { endpoint: 'http://127.0.0.1:9' },
        },
      });
    });

    afterAll(async () => {
      await knex.destroy();
    });

    const listAlerts = (entityRef = SYSTEM) =>
      request(server)
        .get(`${BASE}/alerts`)
        .query({ entityRef, limit: 200 })
        .set('authorization', mockCredentials.user.header());
    const items = (res: request.Response): Alert[] => res.body.items ?? [];

    it('turns every documented Azure payload into an alert with its condition', async () => {
      const files = fs
        .readdirSync(FIXTURES)
        .filter(f => f.endsWith('.json') && f !== 'budget-cost-alert.json');
      const rules = new Map<string, string>();
      for (const file of files) {
        const body = fs.readFileSync(path.join(FIXTURES, file), 'utf8');
        const res = await request(server)
          .post(`${BASE}/webhooks/azure-monitor?token=${TOKEN}`)
          .set('content-type', 'application/json')
          .send(body);
        expect([file, res.status, res.body.kind]).toEqual([
          file,
          202,
          'common-alert',
        ]);
        rules.set(file, JSON.parse(body).data.essentials.alertRule);
      }
      // Service Health targets the subscription: no resource group, no System.
      const placed = files.filter(f => f !== 'service-health.json');
      const res = await eventually(
        () => listAlerts(),
        r => items(r).length >= placed.length,
      );
      const byName = new Map(items(res).map(a => [a.name, a]));
      for (const file of placed) {
        const alert = byName.get(rules.get(file)!);
        expect([file, alert?.condition?.source]).toEqual([
          file,
          expect.any(String),
        ]);
      }
      expect(byName.get('alert-high-response-time')?.condition).toMatchObject({
        metric: 'HttpResponseTime',
        operator: 'GreaterThan',
        threshold: 2,
        observed: 3.7215,
      });
      // Shown to operators as unrouted, with what would route it.
      const unrouted = await eventually(
        () =>
          request(server)
            .get(`${BASE}/alerts?unrouted=true`)
            .set('authorization', mockCredentials.user.header()),
        r => items(r).some(a => a.name === 'alert-service-health-west-europe'),
      );
      const health = (unrouted.body.items as UnroutedAlert[]).find(
        a => a.name === 'alert-service-health-west-europe',
      )!;
      expect(health).toMatchObject({ entityRef: null, routing: null });
      expect(health.routingHint.message).toMatch(/\?entityRef=/);
    });

    describe('POST /webhooks/alertmanager', () => {
      const url = `${BASE}/webhooks/alertmanager`;
      const site = `${RG}/providers/Microsoft.Web/sites/app-mindful-moments-dev`;

      it('stores each delivery before 202 and applies every alert once, replays included', async () => {
        const before = Number(
          (await knex('inbox').count({ n: '*' }).first())!.n,
        );
        const payload = alertmanagerPayload({}, site);
        for (let i = 0; i < 2; i++) {
          const res = await request(server)
            .post(`${url}?token=${TOKEN}`)
            .send(payload);
          expect(res.status).toBe(202);
          expect(res.body.kind).toBe('alertmanager');
        }
        const after = Number(
          (await knex('inbox').count({ n: '*' }).first())!.n,
        );
        expect(after - before).toBe(2);
        const rows = await knex('inbox')
          .where('source', 'alertmanager')
          .orderBy('id', 'desc')
          .limit(2);
        expect(rows.map(r => JSON.parse(r.body))).toEqual([payload, payload]);

        const res = await eventually(
          () => listAlerts(),
          r =>
            items(r).filter(a => a.id.startsWith('alertmanager:')).length === 2,
        );
        const mine = items(res).filter(a => a.id.startsWith('alertmanager:'));
        expect(
          mine.map(a => [a.id, a.name, a.severity, a.monitorCondition]),
        ).toEqual([
          ['alertmanager:a1b2c3d4e5f60718', 'HighErrorRate', 'Sev0', 'Fired'],
          [
            'alertmanager:0f1e2d3c4b5a6978',
            'HighErrorRate',
            'Sev2',
            'Resolved',
          ],
        ]);
        const events = await knex('alert_events')
          .where('alert_id', 'like', 'alertmanager:%')
          .select('type');
        expect(events).toHaveLength(3); // fired, fired + resolved: the replay added none
      });

      it('acknowledges an Alertmanager alert here only, with an audit entry', async () => {
        const id = 'alertmanager:a1b2c3d4e5f60718';
        const res = await request(server)
          .post(`${BASE}/alerts/${encodeURIComponent(id)}/acknowledge`)
          .set('authorization', mockCredentials.user.header())
          .send({ comment: 'looking' });
        // Had it called Azure (nothing listens at the configured endpoint) this would be 503.
        expect(res.status).toBe(200);
        expect(res.body.alert.state).toBe('Acknowledged');
        const audit = await knex('audit_log').where('target', id).first();
        expect(JSON.parse(audit.details)).toEqual({
          from: 'New',
          to: 'Acknowledged',
          comment: 'looking',
          localOnly: true,
        });
      });

      it('places alerts without label or resource in the System on the URL', async () => {
        const payload = alertmanagerPayload();
        payload.alerts = [
          {
            ...payload.alerts[0],
            labels: { alertname: 'QueueBacklog', severity: 'warning' },
            fingerprint: 'FEEDBEEF00000001',
          },
        ];
        const res = await request(server)
          .post(`${url}?token=${TOKEN}&entityRef=${OTHER}`)
          .send(payload);
        expect(res.status).toBe(202);
        const list = await eventually(
          () => listAlerts(OTHER),
          r => items(r).length === 1,
        );
        expect(items(list)[0]).toMatchObject({
          id: 'alertmanager:feedbeef00000001',
          entityRef: OTHER,
          name: 'QueueBacklog',
          severity: 'Sev2',
        });
      });

      it('answers 401, 400, 413 and 422 as the Azure route does', async () => {
        const payload = alertmanagerPayload();
        expect((await request(server).post(url).send(payload)).status).toBe(
          401,
        );
        expect(
          (await request(server).post(`${url}?token=nope`).send(payload))
            .status,
        ).toBe(401);
        const notJson = await request(server)
          .post(`${url}?token=${TOKEN}`)
          .set('content-type', 'application/json')
          .send('{"version":');
        expect(notJson.status).toBe(400);
        const big = await request(server)
          .post(`${url}?token=${TOKEN}`)
          .set('content-type', 'application/json')
          .send(JSON.stringify({ ...payload, pad: 'x'.repeat(1024 * 1024) }));
        expect(big.status).toBe(413);

        const wrong = await request(server)
          .post(`${url}?token=${TOKEN}`)
          .send({ ...payload, version: '3', alerts: 'none' });
        expect(wrong.status).toBe(422);
        expect(wrong.body.error.message).toMatch(/version: /);
        expect(wrong.body.error.message).toMatch(/alerts: /);
        const id = wrong.body.error.message.match(/inbox delivery (\d+)/)?.[1];
        const row = await knex('inbox').where('id', id).first();
        expect(row).toMatchObject({
          source: 'alertmanager',
          status: 'refused',
        });
        expect(row.error).toMatch(/version: /);

        // A label naming a System the catalog does not have: refused, and
        // no alert, no run, for that name.
        const probe = alertmanagerPayload();
        probe.alerts = [
          {
            ...probe.alerts[0],
            labels: {
              alertname: 'alert-high-response-time',
              backstage_entity_ref: 'system:default/audit-probe',
            },
            fingerprint: 'AB0000000000000A',
          },
        ];
        const refused = await request(server)
          .post(`${url}?token=${TOKEN}`)
          .send(probe);
        expect(refused.status).toBe(422);
        expect(refused.body.error.message).toMatch(
          /system:default\/audit-probe is not a System in the catalog/,
        );
        expect(
          await knex('alerts').where('id', 'alertmanager:ab0000000000000a'),
        ).toEqual([]);
      });
    });

    it('shows unknown JSON as a generic alert of the System on the URL, once', async () => {
      const body = { event: 'disk_full', host: 'db-1', severity: 'Sev2' };
      for (let i = 0; i < 2; i++) {
        const res = await request(server)
          .post(
            `${BASE}/webhooks/azure-monitor?token=${TOKEN}&entityRef=${OTHER}`,
          )
          .send(body);
        expect(res.status).toBe(202);
      }
      const list = await eventually(
        () => listAlerts(OTHER),
        r => items(r).some(a => a.name === 'unrecognized payload'),
      );
      const generic = items(list).filter(
        a => a.name === 'unrecognized payload',
      );
      expect(generic).toHaveLength(1);
      expect(generic[0]).toMatchObject({
        severity: 'Sev2',
        state: 'New',
        condition: {
          source: 'webhook',
          text: JSON.stringify(body),
        },
      });
      // Both deliveries were processed: the replay changed nothing.
      await eventually(
        () =>
          knex('inbox')
            .where('body', JSON.stringify(body))
            .whereNot('status', 'processed'),
        rows => rows.length === 0,
      );
    });
  },
);
