import {
  ACTION_GROUP_ID,
  RESOURCE_GROUP_ID,
  startCloudEmulator,
  type RunningEmulator,
} from '@sre-control-center/cloud-emulator';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { normalizeArmId } from '../../domain/alerts/resourceIds';
import { createArmAccess } from './armAccess';
import { AzureAlertProcessingRules } from './AzureAlertProcessingRules';

jest.setTimeout(30_000);

// As the catalog resolver hands it over: lower-cased.
const GROUP = normalizeArmId(RESOURCE_GROUP_ID);
const RULES_URL = `${RESOURCE_GROUP_ID}/providers/Microsoft.AlertsManagement/actionRules`;

/** Counts the action group webhooks the emulator really sends. */
async function startWebhookCounter() {
  let received = 0;
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      received++;
      res.end();
    });
  });
  await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    received: () => received,
    close: () => new Promise<void>(r => server.close(() => r())),
  };
}

// Contract test: the adapter against the emulator over real HTTP.
describe('AzureAlertProcessingRules', () => {
  let emulator: RunningEmulator;
  let webhooks: Awaited<ReturnType<typeof startWebhookCounter>>;
  let rules: AzureAlertProcessingRules;

  /** A rule someone else made, PUT straight to ARM. */
  async function putForeignRule(name: string, properties: object) {
    const res = await fetch(
      `${emulator.url}${RULES_URL}/${name}?api-version=2021-08-08`,
      {
        method: 'PUT',
        headers: {
          authorization: 'Bearer local-emulator',
          'content-type': 'application/json',
        },
        body: JSON.stringify({
          location: 'Global',
          properties: { scopes: [RESOURCE_GROUP_ID], ...properties },
        }),
      },
    );
    expect(res.status).toBe(201);
  }

  beforeEach(async () => {
    webhooks = await startWebhookCounter();
    emulator = await startCloudEmulator({
      actionGroupWebhookUrl: webhooks.url,
      retryDelaysMs: [],
    });
    rules = new AzureAlertProcessingRules(createArmAccess(emulator.url));
  });

  afterEach(async () => {
    await emulator.close();
    await webhooks.close();
  });

  it('creates the documented one-off RemoveAllActionGroups rule, lists it and deletes it', async () => {
    const from = new Date('2030-01-02T10:15:00.000Z');
    const until = new Date('2030-01-02T11:15:00.000Z');
    const created = await rules.create({
      resourceGroupId: GROUP,
      name: 'sre-cc-maintenance-a',
      description: 'database upgrade',
      from,
      until,
    });
    expect(created).toEqual({
      id: expect.stringMatching(
        /\/resourceGroups\/rg-mindful-moments-dev\/providers\/Microsoft\.AlertsManagement\/actionRules\/sre-cc-maintenance-a$/i,
      ),
      name: 'sre-cc-maintenance-a',
      scopes: [GROUP],
      description: 'database upgrade',
      window: { from, until },
      enabled: true,
      createdBy: expect.any(String),
    });
    // What Azure holds, in the spec's shape (wall-clock times, zone apart).
    expect(emulator.state.alertProcessingRules).toEqual([
      expect.objectContaining({
        name: 'sre-cc-maintenance-a',
        location: 'Global',
        properties: {
          scopes: [GROUP],
          actions: [{ actionType: 'RemoveAllActionGroups' }],
          schedule: {
            effectiveFrom: '2030-01-02T10:15:00',
            effectiveUntil: '2030-01-02T11:15:00',
            timeZone: 'UTC',
          },
          description: 'database upgrade',
          enabled: true,
        },
      }),
    ]);

    expect(await rules.list(GROUP)).toEqual([created]);
    expect(await rules.delete(GROUP, 'sre-cc-maintenance-a')).toBe(true);
    expect(await rules.delete(GROUP, 'sre-cc-maintenance-a')).toBe(false);
    expect(await rules.list(GROUP)).toEqual([]);
  });

  it('lists only rules that remove all action groups, and reads only one-off UTC windows', async () => {
    await putForeignRule('add-on-call', {
      actions: [
        { actionType: 'AddActionGroups', actionGroupIds: [ACTION_GROUP_ID] },
      ],
    });
    await putForeignRule('weekend-quiet', {
      actions: [{ actionType: 'RemoveAllActionGroups' }],
      schedule: {
        timeZone: 'W. Europe Standard Time',
        recurrences: [
          { recurrenceType: 'Weekly', daysOfWeek: ['Saturday', 'Sunday'] },
        ],
      },
      enabled: false,
    });
    const listed = await rules.list(GROUP);
    expect(listed).toEqual([
      expect.objectContaining({
        name: 'weekend-quiet',
        window: null,
        enabled: false,
        description: null,
      }),
    ]);
  });

  it('keeps webhooks from being sent while the window is open, and sends them again after it is deleted', async () => {
    const now = Date.now();
    const rule = await rules.create({
      resourceGroupId: GROUP,
      name: 'sre-cc-maintenance-now',
      description: 'deploying',
      from: new Date(now - 1000),
      until: new Date(now + 30 * 60_000),
    });
    await emulator.runScenario('high-cpu', { resolveAfterMs: null });
    await emulator.whenIdle();
    expect(emulator.state.deliveries.at(-1)).toMatchObject({
      event: 'alert-high-cpu.Fired',
      outcome: 'suppressed',
      suppressedBy: rule.id,
    });
    expect(webhooks.received()).toBe(0);
    // The alert itself is in Azure, marked as suppressed.
    const alert = emulator.state.alerts.at(-1)!;
    expect(alert.essentials.targetResource.toLowerCase()).toMatch(
      new RegExp(`^${GROUP}/providers/microsoft.web/serverfarms/`),
    );
    expect(alert.essentials.actionStatus.isSuppressed).toBe(true);

    await rules.delete(GROUP, rule.name);
    await emulator.runScenario('high-cpu', { resolveAfterMs: null });
    await emulator.whenIdle();
    expect(emulator.state.deliveries.at(-1)?.outcome).toBe('delivered');
    expect(webhooks.received()).toBe(1);
  });

  it('does not suppress once the window has ended', async () => {
    const now = Date.now();
    await rules.create({
      resourceGroupId: GROUP,
      name: 'sre-cc-maintenance-over',
      description: 'done',
      from: new Date(now - 60 * 60_000),
      until: new Date(now - 60_000),
    });
    await emulator.runScenario('high-cpu', { resolveAfterMs: null });
    await emulator.whenIdle();
    expect(emulator.state.deliveries.at(-1)?.outcome).toBe('delivered');
  });

  it('reports what Azure refused', async () => {
    const elsewhere = GROUP.replace('rg-mindful-moments-dev', 'rg-unknown');
    await expect(rules.list(elsewhere)).rejects.toThrow(
      /Alert processing rules answered 404 ResourceGroupNotFound/,
    );
    await expect(
      rules.create({
        resourceGroupId: GROUP,
        name: 'sre-cc-maintenance-backwards',
        description: 'x',
        from: new Date('2030-01-02T11:00:00Z'),
        until: new Date('2030-01-02T10:00:00Z'),
      }),
    ).rejects.toThrow(/answered 400 BadRequest: .*effectiveUntil/);
    await expect(rules.list('/subscriptions/x')).rejects.toThrow(
      /Not a resource group id/,
    );
  });
});
