import { TestDatabases, mockCredentials } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { RunbookRun } from '@sre-control-center/plugin-sre-control-center-common';
import {
  BUDGET_NAME,
  PLAN_NAME,
  RESOURCE_GROUP_ID,
  SITE_ID,
  SITE_NAME,
  SUBSCRIPTION_ID,
} from '@sre-control-center/cloud-emulator';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { commonAlertPayload, eventually, systemOwning } from './fixtures';
import { startPluginBackend } from './__testUtils__/pluginBackend';
import { suiteEmulator } from './__testUtils__/suiteEmulator';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_16'] });
const TOKEN = 'test-webhook-token-0123456789';
const BASE = '/api/sre-control-center';
const SYSTEM = 'system:default/mindful-moments';
const ALEX = mockCredentials.user.header('user:default/alex.sre');
const SAM = mockCredentials.user.header('user:default/sam.dev');

const RUNBOOKS = [
  {
    name: 'Restart on high response time',
    trigger: { alert: 'alert-high-response-time' },
    cooldown_minutes: 15,
    actions: [
      { type: 'restart', resource: SITE_NAME, approval_required: false },
    ],
  },
  {
    name: 'Restart with approval',
    actions: [{ type: 'restart', resource: SITE_NAME }],
  },
  {
    name: 'Scale plan B1 to B2',
    trigger: { alert: 'alert-high-cpu' },
    condition: 'CPU over 80 % for 10 minutes',
    actions: [{ type: 'scale', resource: PLAN_NAME, target_sku: 'B2' }],
  },
  {
    name: 'Roll back the last deployment',
    actions: [
      {
        type: 'rollback',
        resource: SITE_NAME,
        slot: 'staging',
        approval_required: false,
      },
    ],
  },
  {
    name: 'Restart a site that does not exist',
    actions: [
      { type: 'restart', resource: 'app-gone', approval_required: false },
    ],
  },
];

describe.each(databases.eachSupportedId())('runbooks on %p', databaseId => {
  const emulator = suiteEmulator();

  async function backend(
    options: {
      permission?: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
      distinctApprover?: boolean;
      planPrices?: Record<string, number>;
    } = {},
  ) {
    const knex = await databases.init(databaseId);
    const owning = systemOwning(RESOURCE_GROUP_ID);
    const system = {
      ...owning,
      metadata: {
        ...owning.metadata,
        annotations: {
          ...owning.metadata.annotations,
          'sre-control-center/budget': BUDGET_NAME,
        },
      },
    };
    return startPluginBackend({
      knex,
      entities: [system],
      permission: options.permission ?? AuthorizeResult.ALLOW,
      config: {
        webhookToken: TOKEN,
        azure: { endpoint: emulator.url },
        approvals: {
          approvers: ['group:default/sre-owners'],
          distinctApprover: options.distinctApprover ?? true,
        },
        runbooks: RUNBOOKS,
        ...(options.planPrices && { planPrices: options.planPrices }),
      },
    });
  }
  type Server = Awaited<ReturnType<typeof backend>>;

  async function fire(server: Server, rule: string, firedAt = new Date()) {
    const id = `/subscriptions/${SUBSCRIPTION_ID}/providers/microsoft.alertsmanagement/alerts/${randomUUID()}`;
    await request(server)
      .post(`${BASE}/webhooks/azure-monitor?token=${TOKEN}`)
      .send(
        commonAlertPayload({
          alertId: id,
          alertRule: rule,
          severity: 'Sev2',
          monitorCondition: 'Fired',
          targetResourceId: SITE_ID,
          firedDateTime: firedAt.toISOString(),
        }),
      )
      .expect(202);
    return id;
  }

  async function runs(server: Server, auth = ALEX): Promise<RunbookRun[]> {
    const res = await request(server)
      .get(`${BASE}/runs?entityRef=${SYSTEM}`)
      .set('authorization', auth);
    expect(res.status).toBe(200);
    return res.body.items;
  }

  async function runUntil(
    server: Server,
    ok: (runs: RunbookRun[]) => boolean,
  ): Promise<RunbookRun[]> {
    const found = await eventually(() => runs(server), ok);
    expect(ok(found)).toBe(true);
    return found;
  }

  async function requestRun(server: Server, runbookId: string, auth = SAM) {
    return request(server)
      .post(`${BASE}/runs`)
      .set('authorization', auth)
      .send({ entityRef: SYSTEM, runbookId, reason: 'test' });
  }

  it('lists the runbooks with the open alerts that trigger them', async () => {
    const server = await backend();
    await fire(server, 'alert-high-cpu');
    const res = await eventually(
      () =>
        request(server)
          .get(`${BASE}/runbooks?entityRef=${SYSTEM}`)
          .set('authorization', ALEX),
      r => r.body.items?.[2]?.triggeredBy?.length === 1,
    );
    expect(res.body.items.map((r: { id: string }) => r.id)).toEqual([
      'restart-on-high-response-time',
      'restart-with-approval',
      'scale-plan-b1-to-b2',
      'roll-back-the-last-deployment',
      'restart-a-site-that-does-not-exist',
    ]);
    expect(res.body.items[2]).toMatchObject({
      requiresApproval: true,
      condition: 'CPU over 80 % for 10 minutes',
      triggeredBy: [{ name: 'alert-high-cpu' }],
    });
    expect(res.body.items[0].requiresApproval).toBe(false);
  });

  it('an alert starts a pending scale run; an approval scales the plan in Azure', async () => {
    const server = await backend();
    const alertId = await fire(server, 'alert-high-cpu');
    const [pending] = await runUntil(
      server,
      r => r[0]?.status === 'pending_approval',
    );
    expect(pending).toMatchObject({
      runbookId: 'scale-plan-b1-to-b2',
      requestedBy: 'automation',
      triggerAlert: { id: alertId.toLowerCase(), name: 'alert-high-cpu' },
      decision: { allowed: true, reason: null },
    });
    expect(new Date(pending.expiresAt!).getTime()).toBeGreaterThan(
      Date.now() + 59 * 60_000,
    );

    const approved = await request(server)
      .post(`${BASE}/runs/${pending.id}/approve`)
      .set('authorization', ALEX)
      .send({ comment: 'go' });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      status: 'approved',
      decidedBy: 'user:default/alex.sre',
      decisionComment: 'go',
    });

    const [done] = await runUntil(server, r => r[0]?.status === 'succeeded');
    expect(done.results).toEqual([
      expect.objectContaining({
        type: 'scale',
        status: 'succeeded',
        summary: `Scaled plan ${PLAN_NAME} B1 → B2`,
      }),
    ]);
    expect(emulator.state.plans[0].sku).toMatchObject({
      name: 'B2',
      tier: 'Basic',
    });

    const audit = await request(server)
      .get(`${BASE}/audit?entityRef=${SYSTEM}`)
      .set('authorization', ALEX);
    expect(
      audit.body.items
        .filter((e: { target: string }) => e.target === pending.id)
        .map((e: { action: string }) => e.action)
        .reverse(),
    ).toEqual([
      'run.requested',
      'run.approved',
      'run.started',
      'run.succeeded',
    ]);

    const timeline = await request(server)
      .get(`${BASE}/timeline?entityRef=${SYSTEM}`)
      .set('authorization', ALEX);
    expect(timeline.status).toBe(200);
    const story = timeline.body.items
      .map((e: { summary: string }) => e.summary)
      .reverse();
    expect(story).toEqual([
      'alert-high-cpu fired',
      'Scale plan B1 to B2 requested',
      'Scale plan B1 to B2 approved',
      'Scale plan B1 to B2 started',
      'Scale plan B1 to B2 succeeded',
    ]);

    // Decided once: a second approval is a conflict, not a second execution.
    const again = await request(server)
      .post(`${BASE}/runs/${pending.id}/approve`)
      .set('authorization', ALEX)
      .send({});
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/succeeded/);
  });

  it('runs automatic runbooks at once, once per firing, and holds a flapping alert with the cooldown', async () => {
    const server = await backend();
    const before = emulator.state.sites[0].restarts.length;
    const first = await fire(server, 'alert-high-response-time');
    const [done] = await runUntil(server, r => r[0]?.status === 'succeeded');
    expect(done).toMatchObject({
      requiresApproval: false,
      requestedBy: 'automation',
      triggerAlert: { id: first.toLowerCase() },
      results: [
        expect.objectContaining({
          summary: `Restarted App Service ${SITE_NAME}`,
        }),
      ],
    });
    expect(emulator.state.sites[0].restarts).toHaveLength(before + 1);

    // Did it work: the alert resolves, and the run says when.
    await request(server)
      .post(`${BASE}/webhooks/azure-monitor?token=${TOKEN}`)
      .send(
        commonAlertPayload({
          alertId: first,
          alertRule: 'alert-high-response-time',
          severity: 'Sev2',
          monitorCondition: 'Resolved',
          targetResourceId: SITE_ID,
          firedDateTime: new Date(Date.now() - 60_000).toISOString(),
          resolvedDateTime: new Date().toISOString(),
        }),
      )
      .expect(202);
    const [withOutcome] = await runUntil(server, r => Boolean(r[0]?.outcome));
    expect(withOutcome.outcome).toBe('resolved 0 min after the action');

    // The same alert firing again 30 s later (flapping): held by the cooldown.
    await fire(server, 'alert-high-response-time');
    const after = await runUntil(server, r => r[0]?.status === 'skipped');
    expect(after).toHaveLength(2);
    expect(after[0].error).toMatch(/cooldown/);
    expect(emulator.state.sites[0].restarts).toHaveLength(before + 1);
  });

  it('starts nothing for an alert first seen long after it fired', async () => {
    const server = await backend();
    const id = await fire(
      server,
      'alert-high-response-time',
      new Date(Date.now() - 2 * 3_600_000),
    );
    await eventually(
      () =>
        request(server)
          .get(`${BASE}/alerts/${encodeURIComponent(id.toLowerCase())}`)
          .set('authorization', ALEX),
      r => r.status === 200,
    );
    // The alert is in; give a run time to show up if one were started.
    await new Promise(r => setTimeout(r, 200));
    expect(await runs(server)).toEqual([]);
  });

  it('executes once when 20 approvers click at the same moment', async () => {
    const server = await backend();
    const before = emulator.state.sites[0].restarts.length;
    const created = await requestRun(server, 'restart-with-approval');
    expect(created.status).toBe(201);
    expect(created.body.status).toBe('pending_approval');

    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        request(server)
          .post(`${BASE}/runs/${created.body.id}/approve`)
          .set(
            'authorization',
            mockCredentials.user.header(`user:default/approver-${i}`),
          )
          .send({}),
      ),
    );
    const statuses = answers.map(a => a.status).sort();
    expect(statuses.filter(s => s === 200)).toHaveLength(1);
    expect(statuses.filter(s => s === 409)).toHaveLength(19);

    await runUntil(server, r => r[0]?.status === 'succeeded');
    // Give a would-be second execution time to show up.
    await new Promise(r => setTimeout(r, 300));
    expect(emulator.state.sites[0].restarts).toHaveLength(before + 1);
  });

  it('keeps the four-eyes rule: the requester cannot approve their own run', async () => {
    const server = await backend();
    const created = await requestRun(server, 'restart-with-approval', SAM);
    const [asSeenBySam] = await runs(server, SAM);
    expect(asSeenBySam.decision).toEqual({
      allowed: false,
      reason: 'You requested this run; another approver must decide',
    });
    const own = await request(server)
      .post(`${BASE}/runs/${created.body.id}/approve`)
      .set('authorization', SAM)
      .send({});
    expect(own.status).toBe(403);
    expect(own.body.error.message).toMatch(/another approver/);

    const rejected = await request(server)
      .post(`${BASE}/runs/${created.body.id}/reject`)
      .set('authorization', ALEX)
      .send({ comment: 'not now' });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({
      status: 'rejected',
      decidedBy: 'user:default/alex.sre',
    });
  });

  it('lets the requester approve when distinctApprover is off', async () => {
    const server = await backend({ distinctApprover: false });
    const created = await requestRun(server, 'restart-with-approval', SAM);
    const own = await request(server)
      .post(`${BASE}/runs/${created.body.id}/approve`)
      .set('authorization', SAM)
      .send({});
    expect(own.status).toBe(200);
  });

  it('asks the approver to confirm a scale-up that would break the budget', async () => {
    const server = await backend({ planPrices: { B2: 500 } });
    // A budget alert makes the backend read this month's costs at once.
    await request(server)
      .post(`${BASE}/webhooks/azure-monitor?token=${TOKEN}`)
      .send({
        schemaId: 'AIP Budget Notification',
        data: { BudgetName: BUDGET_NAME },
      })
      .expect(202);
    await eventually(
      () =>
        request(server)
          .get(`${BASE}/costs?entityRef=${SYSTEM}`)
          .set('authorization', ALEX),
      r => r.status === 200,
    );
    emulator.state.plans[0].sku = {
      ...emulator.state.plans[0].sku,
      name: 'B1',
      tier: 'Basic',
      size: 'B1',
    };
    const created = await requestRun(server, 'scale-plan-b1-to-b2');
    const refused = await request(server)
      .post(`${BASE}/runs/${created.body.id}/approve`)
      .set('authorization', ALEX)
      .send({});
    expect(refused.status).toBe(409);
    expect(refused.body.error.name).toBe('OverBudgetError');
    expect(refused.body.error.message).toMatch(
      /^Scaling asp-mindful-moments-dev B1 → B2 adds 487\.59 EUR a month: .* over the budget of 120\.00 EUR\. Confirm to approve anyway\.$/,
    );
    expect((await runs(server))[0].status).toBe('pending_approval');

    const confirmed = await request(server)
      .post(`${BASE}/runs/${created.body.id}/approve`)
      .set('authorization', ALEX)
      .send({ confirmOverBudget: true });
    expect(confirmed.status).toBe(200);
    await runUntil(server, r => r[0]?.status === 'succeeded');
    expect(emulator.state.plans[0].sku.name).toBe('B2');
  });

  it('rolls back by swapping the staging slot with production', async () => {
    const server = await backend();
    const swaps = emulator.state.slotSwaps.length;
    const created = await requestRun(server, 'roll-back-the-last-deployment');
    expect(created.body.status).toBe('approved');
    const [done] = await runUntil(server, r => r[0]?.status === 'succeeded');
    expect(done.results[0].summary).toBe(
      `Swapped slot staging of ${SITE_NAME} back with production`,
    );
    expect(emulator.state.slotSwaps).toHaveLength(swaps + 1);
    const swap = emulator.state.slotSwaps[swaps];
    expect(swap.site).toBe(SITE_NAME);
    expect([swap.sourceSlot, swap.targetSlot].sort()).toEqual([
      'production',
      'staging',
    ]);
  });

  it('stores the Azure error code of a failed action', async () => {
    const server = await backend();
    const created = await requestRun(
      server,
      'restart-a-site-that-does-not-exist',
    );
    expect(created.status).toBe(201);
    const [failed] = await runUntil(server, r => r[0]?.status === 'failed');
    expect(failed.results).toEqual([
      expect.objectContaining({
        status: 'failed',
        errorCode: 'ResourceNotFound',
      }),
    ]);
    expect(failed.error).toMatch(/restart app-gone: Azure answered 404/);
  });

  it('refuses non-approvers and bad input with clear errors', async () => {
    const server = await backend({ permission: AuthorizeResult.DENY });
    const denied = await requestRun(server, 'restart-with-approval');
    expect(denied.status).toBe(403);
    expect(denied.body.error.message).toMatch(
      /sre-control-center\.runbook\.run/,
    );
    // The approve permission is decided on the run's System: a run that does
    // not exist is a 404 whoever asks.
    const approve = await request(server)
      .post(`${BASE}/runs/${randomUUID()}/approve`)
      .set('authorization', ALEX)
      .send({});
    expect(approve.status).toBe(404);

    const allowed = await backend();
    const unknown = await requestRun(allowed, 'no-such-runbook');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toMatch(/no runbook no-such-runbook/);
    const bad = await request(allowed)
      .post(`${BASE}/runs`)
      .set('authorization', SAM)
      .send({ entityRef: 'mindful', runbookId: 'x', extra: 1 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/entityRef/);
    const missing = await request(allowed)
      .post(`${BASE}/runs/${randomUUID()}/approve`)
      .set('authorization', ALEX)
      .send({});
    expect(missing.status).toBe(404);
    const anonymous = await request(allowed)
      .get(`${BASE}/runs?entityRef=${SYSTEM}`)
      .set('authorization', mockCredentials.none.header());
    expect(anonymous.status).toBe(401);
  });
});
