import { getClient } from '@azure-rest/core-client';
import { Octokit } from 'octokit';
import {
  emulatorCredential,
  GITHUB_OWNER,
  GITHUB_REPO,
  RunningEmulator,
  SITE_ID,
  SRE_AGENT_DISPLAY_NAME,
  SRE_AGENT_LOGIN,
  startCloudEmulator,
  SUBSCRIPTION_ID,
  useEmulatorAuth,
} from './index';
import { startReceiver } from './testUtils';

interface CommonAlert {
  schemaId: string;
  data: {
    essentials: Record<string, unknown> & {
      alertId: string;
      monitorCondition: string;
    };
    alertContext: {
      conditionType: string;
      condition: { allOf: Array<Record<string, unknown>> };
    };
  };
}

describe('scenarios', () => {
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let emulator: RunningEmulator;

  afterEach(async () => {
    await emulator?.close();
    await receiver?.close();
  });

  it('high-response-time posts a common-alert-schema webhook, retries on 500, then resolves', async () => {
    receiver = await startReceiver([500, 503]);
    emulator = await startCloudEmulator({
      actionGroupWebhookUrl: receiver.url,
      retryDelaysMs: [20, 40],
      // Far behind the retries, so the Resolved delivery comes last even on a busy machine.
      scenarioDelays: { resolveAfterMs: 1000 },
    });
    const result = (await emulator.runScenario('high-response-time')) as {
      alertId: string;
    };
    await receiver.waitFor(4, 15_000);
    await emulator.whenIdle();
    const received = receiver.received;

    expect(received.slice(0, 3).every(r => r.body === received[0].body)).toBe(
      true,
    );
    expect(received[0].url).toBe('/hook?token=secret-token');
    const fired = received[2].json as CommonAlert;
    expect(fired.schemaId).toBe('azureMonitorCommonAlertSchema');
    expect(fired.data.essentials).toMatchObject({
      alertId: `/subscriptions/${SUBSCRIPTION_ID}/providers/Microsoft.AlertsManagement/alerts/${result.alertId}`,
      alertRule: 'alert-high-response-time',
      severity: 'Sev2',
      signalType: 'Metric',
      monitorCondition: 'Fired',
      monitoringService: 'Platform',
      alertTargetIDs: [SITE_ID.toLowerCase()],
      configurationItems: ['app-mindful-moments-dev'],
      originAlertId: expect.stringContaining(
        'metricAlerts_alert-high-response-time',
      ),
      firedDateTime: expect.any(String),
      essentialsVersion: '1.0',
      alertContextVersion: '1.0',
    });
    expect(fired.data.alertContext.conditionType).toBe(
      'SingleResourceMultipleMetricCriteria',
    );
    expect(fired.data.alertContext.condition.allOf[0]).toMatchObject({
      metricName: 'HttpResponseTime',
      metricNamespace: 'Microsoft.Web/sites',
      operator: 'GreaterThan',
      threshold: '5',
      timeAggregation: 'Average',
      metricValue: expect.any(Number),
    });

    const resolved = received[3].json as CommonAlert;
    expect(resolved.data.essentials.monitorCondition).toBe('Resolved');
    expect(resolved.data.essentials.resolvedDateTime).toEqual(
      expect.any(String),
    );

    const delivery = emulator.state.deliveries.find(
      d => d.event === 'alert-high-response-time.Fired',
    )!;
    expect(delivery.attempts.map(a => a.status)).toEqual([500, 503, 200]);
    expect(delivery.outcome).toBe('delivered');
  });

  it('gives up after the configured retries', async () => {
    receiver = await startReceiver([500, 500, 500]);
    emulator = await startCloudEmulator({
      actionGroupWebhookUrl: receiver.url,
      retryDelaysMs: [10, 10],
    });
    await emulator.runScenario('http-5xx', { resolveAfterMs: null });
    await emulator.whenIdle();
    expect(receiver.received).toHaveLength(3);
    expect(emulator.state.deliveries.at(-1)?.outcome).toBe('failed');
  });

  it('budget-100 sends a CostAlerts budget payload', async () => {
    receiver = await startReceiver();
    emulator = await startCloudEmulator({
      actionGroupWebhookUrl: receiver.url,
    });
    await emulator.runScenario('budget-100');
    const [hit] = await receiver.waitFor(1);
    const payload = hit.json as {
      data: {
        essentials: Record<string, unknown>;
        alertContext: {
          AlertCategory: string;
          AlertData: Record<string, string>;
        };
      };
    };
    expect(payload.data.essentials).toMatchObject({
      monitoringService: 'CostAlerts',
      configurationItems: ['budgets'],
    });
    expect(payload.data.alertContext.AlertCategory).toBe('budgets');
    expect(payload.data.alertContext.AlertData).toMatchObject({
      BudgetName: 'budget-mindful-moments-dev',
      ThresholdType: 'Actual',
      BudgetThreshold: '€120.00',
      NotificationThresholdAmount: '€120.00',
      Unit: 'EUR',
    });
  });

  it('sre-agent-incident: the agent acknowledges the alert and opens an issue naming it', async () => {
    receiver = await startReceiver();
    emulator = await startCloudEmulator({
      githubWebhookUrl: receiver.url,
      scenarioDelays: { agentAckAfterMs: 50, resolveAfterMs: 2000 },
    });
    const result = (await emulator.runScenario('sre-agent-incident')) as {
      alertId: string;
      alertRule: string;
    };
    await receiver.waitFor(2);

    const alerts = useEmulatorAuth(
      getClient(emulator.url, emulatorCredential, {
        allowInsecureConnection: true,
        apiVersion: '2019-03-01',
      }),
    );
    const res = await alerts
      .path(
        '/subscriptions/{sub}/providers/Microsoft.AlertsManagement/alerts/{id}',
        SUBSCRIPTION_ID,
        result.alertId,
      )
      .get();
    const essentials = (
      res.body as { properties: { essentials: Record<string, string> } }
    ).properties.essentials;
    expect(essentials.alertState).toBe('Acknowledged');
    expect(essentials.lastModifiedUserName).toBe(SRE_AGENT_DISPLAY_NAME);

    const octokit = new Octokit({ baseUrl: emulator.url });
    const { data } = await octokit.rest.issues.listForRepo({
      owner: GITHUB_OWNER,
      repo: GITHUB_REPO,
      creator: SRE_AGENT_LOGIN,
    });
    const issue = data.find(i => i.body?.includes(result.alertId));
    expect(issue?.title).toContain(result.alertRule);
    expect(receiver.received.map(r => r.headers['x-github-event'])).toEqual([
      'issues',
      'issue_comment',
    ]);
  });

  it('sre-agent-incident, fallback variant: the report names rule and resource only, then the agent closes it', async () => {
    receiver = await startReceiver();
    emulator = await startCloudEmulator({
      githubWebhookUrl: receiver.url,
      scenarioDelays: { agentAckAfterMs: 20 },
    });
    const result = (await emulator.runScenario('sre-agent-incident', {
      rule: 'alert-http-5xx',
      variant: 'fallback',
      resolveAfterMs: null,
      closeAfterMs: 50,
    })) as { alertId: string; variant: string };
    expect(result.variant).toBe('fallback');
    await emulator.whenIdle();
    const issue = emulator.state.github.repos[0].issues.at(-1)!;
    expect(issue.user.login).toBe(SRE_AGENT_LOGIN);
    expect(issue.body).toContain('## References');
    expect(issue.body).toContain('alert-http-5xx');
    expect(issue.body).toContain('/providers/Microsoft.Web/sites/');
    expect(issue.body).not.toContain(result.alertId);
    expect(issue.body).not.toContain('sre-control-center:alert=');
    expect(issue.state).toBe('closed');
    expect(receiver.received.map(r => r.headers['x-github-event'])).toEqual([
      'issues',
      'issue_comment',
      'issue_comment',
      'issues',
    ]);
  });

  it('is driven over HTTP through the control routes', async () => {
    emulator = await startCloudEmulator();
    const res = await fetch(
      `${emulator.url}/_emulator/scenarios/throttle-costs`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ count: 2, retryAfterSeconds: 5 }),
      },
    );
    expect(await res.json()).toEqual({
      scenario: 'throttle-costs',
      result: { throttledRequests: 2, retryAfterSeconds: 5 },
    });
    const state = (await (
      await fetch(`${emulator.url}/_emulator/state`)
    ).json()) as { throttle: { costManagementRemaining: number } };
    expect(state.throttle.costManagementRemaining).toBe(2);
    const unknown = await fetch(`${emulator.url}/_emulator/scenarios/nope`, {
      method: 'POST',
    });
    expect(unknown.status).toBe(404);
  });
});

describe('alert identity', () => {
  it('gives every firing its own alert id, even within one millisecond', async () => {
    const emulator = await startCloudEmulator({
      now: () => new Date('2026-11-28T10:00:00.000Z'),
    });
    try {
      const ids = [];
      for (let i = 0; i < 3; i++) {
        const result = (await emulator.runScenario('high-cpu', {
          resolveAfterMs: null,
        })) as { alertId: string };
        ids.push(result.alertId);
      }
      expect(new Set(ids).size).toBe(3);
      const stored = emulator.state.alerts.map(a => a.alertId);
      expect(new Set(stored).size).toBe(stored.length);
    } finally {
      await emulator.close();
    }
  });
});
