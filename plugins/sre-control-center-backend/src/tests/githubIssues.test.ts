import { TestDatabases, mockCredentials } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  GITHUB_OWNER,
  GITHUB_REPO,
  RESOURCE_GROUP_ID,
  SITE_ID,
  signGithubPayload,
  startCloudEmulator,
  type RunningEmulator,
} from '@sre-control-center/cloud-emulator';
import type {
  IssueList,
  TrackedIssue,
} from '@sre-control-center/plugin-sre-control-center-common';
import type { AddressInfo } from 'node:net';
import { Octokit } from 'octokit';
import request from 'supertest';
import {
  azureAlertId,
  commonAlertPayload,
  eventually,
  plainSystem,
  systemOwning,
} from './fixtures';
import { startPluginBackend } from './__testUtils__/pluginBackend';

jest.setTimeout(90_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_16'] });
const BASE = '/api/sre-control-center';
const SYSTEM = 'system:default/mindful-moments';
const TOKEN = 'test-webhook-token-0123456789';
const SECRET = 'github-webhook-secret-for-tests';
const SLUG = `${GITHUB_OWNER}/${GITHUB_REPO}`;

const withSlug = (entity: ReturnType<typeof plainSystem>, slug: string) => ({
  ...entity,
  metadata: {
    ...entity.metadata,
    annotations: {
      ...(entity.metadata as { annotations?: Record<string, string> })
        .annotations,
      'github.com/project-slug': slug,
    },
  },
});
const system = withSlug(systemOwning(RESOURCE_GROUP_ID), SLUG);
const badSlug = withSlug(plainSystem('bad-slug'), 'mindful-moments/x/../y');
const noSlug = plainSystem('no-slug');

const user = mockCredentials.user.header('user:default/alex.sre');

function agentReport(alertId: string | null) {
  return [
    '## Summary',
    `Alert rule alert-http-5xx (Sev1) fired on app-mindful-moments-dev.`,
    '## References',
    `- Target resource: ${SITE_ID}`,
    ...(alertId
      ? [`- Alert: ${alertId}`, `<!-- sre-control-center:alert=${alertId} -->`]
      : []),
  ].join('\n');
}

async function startAll(
  databaseId: Parameters<typeof databases.init>[0],
  permission?: AuthorizeResult.ALLOW | AuthorizeResult.DENY,
) {
  const emulator = await startCloudEmulator();
  const server = await startPluginBackend({
    knex: await databases.init(databaseId),
    entities: [system, badSlug, noSlug] as never,
    permission,
    config: {
      webhookToken: TOKEN,
      azure: { endpoint: emulator.url },
      github: {
        webhookSecret: SECRET,
        previousWebhookSecret: 'old-secret-0123456789',
      },
    },
    rootConfig: {
      app: { baseUrl: 'http://localhost:3000' },
      integrations: {
        github: [
          { host: 'github.com', apiBaseUrl: emulator.url, token: 'ghp_portal' },
        ],
      },
    },
  });
  const { port } = server.address() as AddressInfo;
  emulator.setGithubWebhook(
    `http://127.0.0.1:${port}${BASE}/webhooks/github`,
    SECRET,
  );
  return { emulator, server };
}

async function fireAlert(
  server: Parameters<typeof request>[0],
  n: number,
  firedDateTime = new Date().toISOString(),
) {
  const alertId = azureAlertId(n);
  await request(server)
    .post(`${BASE}/webhooks/azure-monitor?token=${TOKEN}`)
    .send(
      commonAlertPayload({
        alertId,
        alertRule: 'alert-http-5xx',
        severity: 'Sev1',
        monitorCondition: 'Fired',
        targetResourceId: SITE_ID,
        firedDateTime,
      }),
    )
    .expect(202);
  await eventually(
    () =>
      request(server)
        .get(`${BASE}/alerts/${encodeURIComponent(alertId)}`)
        .set('authorization', user),
    r => r.status === 200,
  );
  return alertId.toLowerCase();
}

const listIssues = (server: Parameters<typeof request>[0], ref = SYSTEM) =>
  request(server)
    .get(`${BASE}/issues`)
    .query({ entityRef: ref })
    .set('authorization', user);

describe.each(databases.eachSupportedId())(
  'GitHub issues on %p',
  databaseId => {
    let emulator: RunningEmulator;
    let server: Awaited<ReturnType<typeof startPluginBackend>>;
    // The SRE agent's connector: the emulator treats "sre-agent" tokens as its bot.
    let agent: Octokit;
    let human: Octokit;

    beforeAll(async () => {
      ({ emulator, server } = await startAll(databaseId));
      agent = new Octokit({
        baseUrl: emulator.url,
        auth: 'ghs_sre-agent',
        throttle: { enabled: false },
      });
      human = new Octokit({
        baseUrl: emulator.url,
        auth: 'ghp_maya',
        throttle: { enabled: false },
      });
    });
    afterAll(async () => {
      await emulator.close();
    });

    it('refuses unsigned and badly signed deliveries with 401 and stores nothing', async () => {
      const body = JSON.stringify({ action: 'opened' });
      const post = () =>
        request(server)
          .post(`${BASE}/webhooks/github`)
          .set('content-type', 'application/json')
          .set('x-github-event', 'issues')
          .set('x-github-delivery', 'bad-1');
      const missing = await post().send(body);
      expect(missing.status).toBe(401);
      expect(missing.body.error.name).toBe('AuthenticationError');
      const wrong = await post()
        .set('x-hub-signature-256', signGithubPayload('not-the-secret', body))
        .send(body);
      expect(wrong.status).toBe(401);
      // The same delivery, signed right, is stored: nothing of the 401s was kept.
      const ok = await post()
        .set('x-hub-signature-256', signGithubPayload(SECRET, body))
        .send(body);
      expect(ok.status).toBe(202);
      expect(ok.body.duplicate).toBe(false);
    });

    it('accepts the previous secret during a rotation, ignores other events, and a replay changes nothing', async () => {
      const body = JSON.stringify({ zen: 'Keep it logically awesome.' });
      const send = () =>
        request(server)
          .post(`${BASE}/webhooks/github`)
          .set('content-type', 'application/json')
          .set('x-github-event', 'ping')
          .set('x-github-delivery', 'ping-1')
          .set(
            'x-hub-signature-256',
            signGithubPayload('old-secret-0123456789', body),
          )
          .send(body);
      const first = await send();
      expect(first.status).toBe(202);
      expect(first.body).toMatchObject({
        kind: 'github.ignored',
        duplicate: false,
      });
      const replay = await send();
      expect(replay.status).toBe(202);
      expect(replay.body).toMatchObject({
        duplicate: true,
        inboxId: first.body.inboxId,
      });
    });

    it("links the agent's issues to their alerts, by marker and by rule and resource, live through the emulator's webhooks", async () => {
      const marked = await fireAlert(server, 0x1201);
      const unmarked = await fireAlert(server, 0x1202);
      const a = await agent.rest.issues.create({
        owner: GITHUB_OWNER,
        repo: GITHUB_REPO,
        title: '[SRE Agent] alert-http-5xx fired on app-mindful-moments-dev',
        body: agentReport(azureAlertId(0x1201)),
        labels: ['incident'],
      });
      await human.rest.issues.create({
        owner: GITHUB_OWNER,
        repo: GITHUB_REPO,
        title: 'Dark mode for the journal',
        body: 'Please.',
      });
      await emulator.whenIdle();
      const res = await eventually(
        () => listIssues(server),
        r =>
          (r.body as IssueList).items?.some(
            (i: TrackedIssue) =>
              i.number === a.data.number && i.alerts.length > 0,
          ),
      );
      expect(res.status).toBe(200);
      const list = res.body as IssueList;
      const issueA = list.items.find(i => i.number === a.data.number)!;
      expect(issueA).toMatchObject({
        origin: 'agent',
        author: 'azure-sre-agent[bot]',
        state: 'open',
        alerts: [{ id: marked, name: 'alert-http-5xx', rule: 'marker' }],
      });
      // The human's unrelated issue is not the Control Center's.
      expect(
        list.items.some(i => i.title === 'Dark mode for the journal'),
      ).toBe(false);

      // The template without the marker: the fallback rule links the latest firing.
      const b = await agent.rest.issues.create({
        owner: GITHUB_OWNER,
        repo: GITHUB_REPO,
        title: '[SRE Agent] alert-http-5xx fired on app-mindful-moments-dev',
        body: agentReport(null),
      });
      await emulator.whenIdle();
      const after = await eventually(
        () => listIssues(server),
        r =>
          (r.body as IssueList).items?.some(
            (i: TrackedIssue) => i.number === b.data.number,
          ),
      );
      const issueB = (after.body as IssueList).items.find(
        i => i.number === b.data.number,
      )!;
      expect(issueB.alerts).toEqual([
        { id: unmarked, name: 'alert-http-5xx', rule: 'rule-and-resource' },
      ]);

      // Both ways: the alert carries its issue.
      const alert = await request(server)
        .get(`${BASE}/alerts/${encodeURIComponent(marked)}`)
        .set('authorization', user);
      expect(alert.body.issues).toEqual([
        expect.objectContaining({ number: a.data.number, state: 'open' }),
      ]);
      const feed = await request(server)
        .get(`${BASE}/alerts`)
        .query({ entityRef: SYSTEM })
        .set('authorization', user);
      expect(
        feed.body.items.find((i: { id: string }) => i.id === unmarked).issues,
      ).toEqual([expect.objectContaining({ number: b.data.number })]);

      // Comment and close reach the timeline.
      await agent.rest.issues.createComment({
        owner: GITHUB_OWNER,
        repo: GITHUB_REPO,
        issue_number: a.data.number,
        body: 'Root cause: a bad deployment.',
      });
      await agent.rest.issues.update({
        owner: GITHUB_OWNER,
        repo: GITHUB_REPO,
        issue_number: a.data.number,
        state: 'closed',
      });
      await emulator.whenIdle();
      const timeline = await eventually(
        () =>
          request(server)
            .get(`${BASE}/timeline`)
            .query({ entityRef: SYSTEM })
            .set('authorization', user),
        r =>
          r.body.items?.some(
            (e: { action: string; target: string }) =>
              e.action === 'issue.closed' && e.target === marked,
          ),
      );
      const actions = timeline.body.items
        .filter((e: { target: string }) => e.target === marked)
        .map((e: { action: string }) => e.action);
      expect(actions).toEqual(
        expect.arrayContaining([
          'issue.opened',
          'issue.commented',
          'issue.closed',
        ]),
      );
    });

    it('opens one issue per alert: 201, then 200 with the same issue, also under 10 concurrent requests', async () => {
      const alertId = await fireAlert(server, 0x1301);
      const path = `${BASE}/alerts/${encodeURIComponent(alertId)}/issue`;
      const first = await request(server)
        .post(path)
        .set('authorization', user)
        .send({});
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({
        created: true,
        issue: { state: 'open' },
      });
      const created = emulator.state.github.repos[0].issues.find(
        i => i.number === first.body.issue.number,
      )!;
      expect(created.body).toContain(
        `<!-- sre-control-center:alert=${alertId} -->`,
      );
      expect(created.body).toContain(
        'http://localhost:3000/catalog/default/system/mindful-moments/control-center',
      );
      const again = await request(server)
        .post(path)
        .set('authorization', user)
        .send({});
      expect(again.status).toBe(200);
      expect(again.body.issue.number).toBe(first.body.issue.number);

      const other = await fireAlert(server, 0x1302);
      const before = emulator.state.github.repos[0].issues.length;
      const answers = await Promise.all(
        Array.from({ length: 10 }, () =>
          request(server)
            .post(`${BASE}/alerts/${encodeURIComponent(other)}/issue`)
            .set('authorization', user)
            .send({}),
        ),
      );
      expect(answers.map(a => a.status).sort()).toEqual([
        200, 200, 200, 200, 200, 200, 200, 200, 200, 201,
      ]);
      expect(new Set(answers.map(a => a.body.issue.number)).size).toBe(1);
      expect(emulator.state.github.repos[0].issues.length).toBe(before + 1);

      // Listed as opened here, and in the audit trail.
      const list = (await listIssues(server)).body as IssueList;
      expect(
        list.items.find(i => i.number === first.body.issue.number)?.origin,
      ).toBe('portal');
      const audit = await request(server)
        .get(`${BASE}/audit`)
        .query({ entityRef: SYSTEM })
        .set('authorization', user);
      expect(
        audit.body.items.filter(
          (e: { action: string; target: string }) =>
            e.action === 'issue.opened' && e.target === other,
        ),
      ).toHaveLength(1);
    });

    it('says what is wrong with a System without a usable github.com/project-slug', async () => {
      const bad = await listIssues(server, 'system:default/bad-slug');
      expect(bad.status).toBe(409);
      expect(bad.body.error.message).toMatch(
        /is not a GitHub repository: expected owner\/repo/,
      );
      const none = await listIssues(server, 'system:default/no-slug');
      expect(none.status).toBe(200);
      expect(none.body).toMatchObject({ repository: null, items: [] });

      // An alert of a System without the annotation: 409 saying what is missing.
      const alertId = azureAlertId(0x1501);
      await request(server)
        .post(
          `${BASE}/webhooks/azure-monitor?token=${TOKEN}&entityRef=system:default/no-slug`,
        )
        .send(
          commonAlertPayload({
            alertId,
            alertRule: 'alert-other',
            severity: 'Sev3',
            monitorCondition: 'Fired',
            targetResourceId:
              '/subscriptions/3f2b8c1e-7d4a-4e5b-9c6f-1a2b3c4d5e6f/resourceGroups/rg-elsewhere/providers/Microsoft.Web/sites/app-elsewhere',
            firedDateTime: new Date().toISOString(),
          }),
        )
        .expect(202);
      await eventually(
        () =>
          request(server)
            .get(`${BASE}/alerts/${encodeURIComponent(alertId)}`)
            .set('authorization', user),
        r => r.status === 200,
      );
      const create = await request(server)
        .post(`${BASE}/alerts/${encodeURIComponent(alertId)}/issue`)
        .set('authorization', user)
        .send({});
      expect(create.status).toBe(409);
      expect(create.body.error.message).toMatch(
        /system:default\/no-slug has no github.com\/project-slug annotation/,
      );
    });

    it('validates its input', async () => {
      const res = await request(server)
        .post(
          `${BASE}/alerts/${encodeURIComponent('/subscriptions/x/../y')}/issue`,
        )
        .set('authorization', user)
        .send({});
      expect(res.status).toBe(400);
      const unknown = await request(server)
        .post(
          `${BASE}/alerts/${encodeURIComponent(azureAlertId(0x9999))}/issue`,
        )
        .set('authorization', user)
        .send({});
      expect(unknown.status).toBe(404);
      const extra = await request(server)
        .post(
          `${BASE}/alerts/${encodeURIComponent(azureAlertId(0x1301))}/issue`,
        )
        .set('authorization', user)
        .send({ title: 'mine' });
      expect(extra.status).toBe(400);
    });
  },
);

describe.each(databases.eachSupportedId())(
  'opening issues without the permission on %p',
  databaseId => {
    let emulator: RunningEmulator;
    let server: Awaited<ReturnType<typeof startPluginBackend>>;
    beforeAll(async () => {
      ({ emulator, server } = await startAll(databaseId, AuthorizeResult.DENY));
    });
    afterAll(async () => {
      await emulator.close();
    });

    it('answers 403 naming the permission, and opens nothing', async () => {
      const alertId = await fireAlert(server, 0x1401);
      const before = emulator.state.github.repos[0].issues.length;
      const res = await request(server)
        .post(`${BASE}/alerts/${encodeURIComponent(alertId)}/issue`)
        .set('authorization', user)
        .send({});
      expect(res.status).toBe(403);
      expect(res.body.error.message).toContain(
        'sre-control-center.issue.create',
      );
      expect(emulator.state.github.repos[0].issues.length).toBe(before);
    });
  },
);
