import { getClient } from '@azure-rest/core-client';
import {
  emulatorCredential,
  RESOURCE_GROUP,
  RESOURCE_GROUP_ID,
  RunningEmulator,
  SITE_ID,
  startCloudEmulator,
  SUBSCRIPTION_ID,
  useEmulatorAuth,
} from './index';
import { startReceiver } from './testUtils';

const NOW = new Date('2025-06-16T10:00:00Z');
const rgRules = `/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/${RESOURCE_GROUP}/providers/Microsoft.AlertsManagement/actionRules`;
const subRules = `/subscriptions/${SUBSCRIPTION_ID}/providers/Microsoft.AlertsManagement/actionRules`;

interface RuleBody {
  id: string;
  name: string;
  type: string;
  location: string;
  systemData: Record<string, string>;
  properties: {
    scopes: string[];
    actions: Array<{ actionType: string }>;
    enabled: boolean;
    schedule?: Record<string, unknown>;
  };
}

const suppressDuringMaintenance = (schedule?: Record<string, unknown>) => ({
  location: 'Global',
  tags: {},
  properties: {
    scopes: [RESOURCE_GROUP_ID],
    actions: [{ actionType: 'RemoveAllActionGroups' }],
    ...(schedule ? { schedule } : {}),
    description: 'Planned maintenance of the Mindful Moments dev environment',
    enabled: true,
  },
});

function rulesClient(url: string, apiVersion = '2021-08-08') {
  return useEmulatorAuth(
    getClient(url, emulatorCredential, {
      allowInsecureConnection: true,
      apiVersion,
      retryOptions: { maxRetries: 0 },
    }),
  );
}

describe('alert processing rules (2021-08-08) through @azure-rest/core-client', () => {
  let emulator: RunningEmulator;
  let client: ReturnType<typeof getClient>;

  beforeEach(async () => {
    emulator = await startCloudEmulator({ now: () => NOW });
    client = rulesClient(emulator.url);
  });
  afterEach(() => emulator.close());

  it('creates, reads, lists, updates and deletes a rule', async () => {
    const created = await client.path(`${rgRules}/{name}`, 'maintenance').put({
      body: suppressDuringMaintenance(),
      headers: { 'x-emulator-user': 'maya@mindfulmoments.dev' },
    });
    expect(created.status).toBe('201');
    const rule = created.body as RuleBody;
    expect(rule).toMatchObject({
      id: `${rgRules}/maintenance`,
      name: 'maintenance',
      type: 'Microsoft.AlertsManagement/actionRules',
      location: 'Global',
      systemData: {
        createdBy: 'maya@mindfulmoments.dev',
        createdAt: NOW.toISOString(),
      },
      properties: {
        scopes: [RESOURCE_GROUP_ID],
        actions: [{ actionType: 'RemoveAllActionGroups' }],
        enabled: true,
      },
    });

    const got = await client.path(`${rgRules}/{name}`, 'maintenance').get();
    expect(got.status).toBe('200');
    expect((got.body as RuleBody).id).toBe(rule.id);

    const updated = await client.path(`${rgRules}/{name}`, 'maintenance').put({
      body: {
        ...suppressDuringMaintenance(),
        properties: {
          ...suppressDuringMaintenance().properties,
          enabled: false,
        },
      },
    });
    expect(updated.status).toBe('200');
    expect((updated.body as RuleBody).properties.enabled).toBe(false);

    for (const path of [rgRules, subRules]) {
      const list = await client.path(path).get();
      expect(list.status).toBe('200');
      expect(
        (list.body as { value: RuleBody[] }).value.map(r => r.name),
      ).toEqual(['maintenance']);
    }

    const deleted = await client
      .path(`${rgRules}/{name}`, 'maintenance')
      .delete();
    expect(deleted.status).toBe('200');
    const again = await client
      .path(`${rgRules}/{name}`, 'maintenance')
      .delete();
    expect(again.status).toBe('204');
    const gone = await client.path(`${rgRules}/{name}`, 'maintenance').get();
    expect(gone.status).toBe('404');
    expect((gone.body as { error: { code: string } }).error.code).toBe(
      'ResourceNotFound',
    );
  });

  it('rejects invalid bodies with an ARM 400', async () => {
    const put = (body: unknown) =>
      client.path(`${rgRules}/{name}`, 'bad').put({ body });
    const base = suppressDuringMaintenance();
    const cases: unknown[] = [
      { location: 'Global', properties: { actions: base.properties.actions } },
      { location: 'Global', properties: { scopes: [RESOURCE_GROUP_ID] } },
      {
        location: 'Global',
        properties: { ...base.properties, scopes: ['not-an-arm-id'] },
      },
      {
        location: 'Global',
        properties: { ...base.properties, actions: [{ actionType: 'Mute' }] },
      },
      {
        location: 'Global',
        properties: {
          ...base.properties,
          actions: [{ actionType: 'AddActionGroups' }],
        },
      },
      {
        location: 'Global',
        properties: {
          ...base.properties,
          schedule: { effectiveFrom: '2025-06-16T10:00:00Z' },
        },
      },
      {
        location: 'Global',
        properties: {
          ...base.properties,
          schedule: { timeZone: 'Mars Standard Time' },
        },
      },
      {
        location: 'Global',
        properties: { ...base.properties, enabled: 'yes' },
      },
      { properties: base.properties },
    ];
    for (const body of cases) {
      const res = await put(body);
      expect({ body, status: res.status }).toEqual({ body, status: '400' });
      expect(res.body).toEqual({
        error: { code: expect.any(String), message: expect.any(String) },
      });
    }
    expect(emulator.state.alertProcessingRules).toHaveLength(0);
  });
});

describe('alert processing rules suppress action-group notifications', () => {
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let emulator: RunningEmulator;

  afterEach(async () => {
    await emulator?.close();
    await receiver?.close();
  });

  it('sends nothing while a RemoveAllActionGroups rule covers the alert, and delivers again after it is deleted', async () => {
    receiver = await startReceiver();
    emulator = await startCloudEmulator({
      now: () => NOW,
      actionGroupWebhookUrl: receiver.url,
      retryDelaysMs: [],
    });
    const client = rulesClient(emulator.url);
    const created = await client
      .path(`${rgRules}/{name}`, 'maintenance')
      .put({ body: suppressDuringMaintenance() });
    expect(created.status).toBe('201');

    const first = (await emulator.runScenario('high-response-time', {
      resolveAfterMs: 20,
    })) as { alertId: string };
    // Fired and Resolved are both evaluated against the rule; nothing is sent.
    await emulator.whenIdle();
    expect(receiver.received).toHaveLength(0);
    expect(
      emulator.state.deliveries.map(d => [d.event, d.outcome, d.suppressedBy]),
    ).toEqual([
      [
        'alert-high-response-time.Fired',
        'suppressed',
        `${rgRules}/maintenance`,
      ],
      [
        'alert-high-response-time.Resolved',
        'suppressed',
        `${rgRules}/maintenance`,
      ],
    ]);

    // The alert itself exists, marked as suppressed, as in Azure.
    const alerts = rulesClient(emulator.url, '2019-03-01');
    const listed = await alerts
      .path(
        `/subscriptions/${SUBSCRIPTION_ID}/providers/Microsoft.AlertsManagement/alerts`,
      )
      .get({
        queryParameters: {
          alertRule: 'alert-high-response-time',
          timeRange: '1h',
        },
      });
    expect(listed.status).toBe('200');
    const value = (
      listed.body as {
        value: Array<{
          id: string;
          properties: { essentials: Record<string, unknown> };
        }>;
      }
    ).value;
    const alert = value.find(a => a.id.endsWith(first.alertId));
    expect(alert?.properties.essentials).toMatchObject({
      targetResource: SITE_ID,
      actionStatus: { isSuppressed: true },
    });

    const deleted = await client
      .path(`${rgRules}/{name}`, 'maintenance')
      .delete();
    expect(deleted.status).toBe('200');

    await emulator.runScenario('high-response-time', { resolveAfterMs: null });
    const [hit] = await receiver.waitFor(1);
    expect(
      (hit.json as { data: { essentials: { monitorCondition: string } } }).data
        .essentials.monitorCondition,
    ).toBe('Fired');
    await emulator.whenIdle();
    expect(emulator.state.deliveries.at(-1)?.outcome).toBe('delivered');
  });

  it('only suppresses inside the schedule, a disabled rule or another scope never', async () => {
    receiver = await startReceiver();
    emulator = await startCloudEmulator({
      now: () => NOW,
      actionGroupWebhookUrl: receiver.url,
      retryDelaysMs: [],
    });
    const client = rulesClient(emulator.url);
    const rules: Array<[string, unknown]> = [
      // Over, in Amsterdam time, an hour before NOW (12:00 CEST).
      [
        'last-night',
        suppressDuringMaintenance({
          effectiveFrom: '2025-06-15T22:00:00',
          effectiveUntil: '2025-06-16T11:00:00',
          timeZone: 'W. Europe Standard Time',
        }),
      ],
      [
        'disabled',
        {
          ...suppressDuringMaintenance(),
          properties: {
            ...suppressDuringMaintenance().properties,
            enabled: false,
          },
        },
      ],
      [
        'database-only',
        {
          ...suppressDuringMaintenance(),
          properties: {
            ...suppressDuringMaintenance().properties,
            scopes: [
              `${RESOURCE_GROUP_ID}/providers/Microsoft.DBforPostgreSQL/flexibleServers/psql-mindful-moments-dev`,
            ],
          },
        },
      ],
    ];
    for (const [name, body] of rules) {
      const res = await client.path(`${rgRules}/{name}`, name).put({ body });
      expect(res.status).toBe('201');
    }

    await emulator.runScenario('high-response-time', { resolveAfterMs: null });
    await receiver.waitFor(1);
    await emulator.whenIdle();
    expect(emulator.state.deliveries.map(d => d.outcome)).toEqual([
      'delivered',
    ]);

    // The database rule does cover the database's alert.
    await emulator.runScenario('db-connection-failures', {
      resolveAfterMs: null,
    });
    await emulator.whenIdle();
    expect(emulator.state.deliveries.at(-1)).toMatchObject({
      event: 'alert-db-connection-failures.Fired',
      outcome: 'suppressed',
      suppressedBy: `${rgRules}/database-only`,
    });
    expect(receiver.received).toHaveLength(1);
  });
});
