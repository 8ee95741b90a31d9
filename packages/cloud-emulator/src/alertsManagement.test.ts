import { getClient } from '@azure-rest/core-client';
import {
  emulatorCredential,
  RunningEmulator,
  startCloudEmulator,
  SUBSCRIPTION_ID,
  useEmulatorAuth,
} from './index';
import getByIdExample from './__fixtures__/Alerts_GetById.json';

const NOW = new Date('2025-06-16T10:00:00Z');
const subPath = `/subscriptions/${SUBSCRIPTION_ID}/providers/Microsoft.AlertsManagement/alerts`;

interface AlertBody {
  id: string;
  name: string;
  type: string;
  properties: {
    essentials: Record<string, unknown>;
    context: Record<string, unknown>;
    egressConfig: Record<string, unknown>;
  };
}

describe('Alerts Management (2019-03-01) through @azure-rest/core-client', () => {
  let emulator: RunningEmulator;
  let client: ReturnType<typeof getClient>;

  beforeAll(async () => {
    emulator = await startCloudEmulator({ now: () => NOW });
    client = useEmulatorAuth(
      getClient(emulator.url, emulatorCredential, {
        allowInsecureConnection: true,
        apiVersion: '2019-03-01',
        retryOptions: { maxRetries: 0 },
      }),
    );
  });
  afterAll(() => emulator.close());

  it('lists alerts of the last day by default, newest first', async () => {
    const res = await client.path(subPath).get();
    expect(res.status).toBe('200');
    const body = res.body as { value: AlertBody[] };
    expect(body.value.map(a => a.name)).toEqual([
      'alert-high-response-time',
      'alert-high-cpu',
    ]);
    expect(body.value[0].properties.essentials).toMatchObject({
      severity: 'Sev2',
      signalType: 'Metric',
      alertState: 'Acknowledged',
      monitorCondition: 'Fired',
      monitorService: 'Platform',
      targetResourceGroup: 'rg-mindful-moments-dev',
      targetResourceName: 'app-mindful-moments-dev',
      lastModifiedUserName: 'Azure SRE Agent',
    });
  });

  it('filters and pages with nextLink', async () => {
    const first = await client.path(subPath).get({
      queryParameters: {
        timeRange: '30d',
        pageCount: 2,
        targetResourceGroup: 'rg-mindful-moments-dev',
      },
    });
    const page1 = first.body as { value: AlertBody[]; nextLink?: string };
    expect(page1.value).toHaveLength(2);
    expect(page1.nextLink).toContain(emulator.url);
    const all: AlertBody[] = [...page1.value];
    let next = page1.nextLink;
    while (next) {
      const r = await client.pathUnchecked(next).get();
      const body = r.body as { value: AlertBody[]; nextLink?: string };
      all.push(...body.value);
      next = body.nextLink;
    }
    expect(all).toHaveLength(5);

    const closedSev1 = await client.path(subPath).get({
      queryParameters: {
        timeRange: '30d',
        alertState: 'Closed',
        severity: 'Sev1',
        monitorCondition: 'Resolved',
      },
    });
    expect(
      (closedSev1.body as { value: AlertBody[] }).value.map(a => a.name).sort(),
    ).toEqual(['alert-db-connection-failures', 'alert-http-5xx']);
  });

  it('gets one alert, changes its state and records the history', async () => {
    const list = await client.path(subPath).get({
      queryParameters: { timeRange: '1d', alertRule: 'alert-high-cpu' },
    });
    const [cpu] = (list.body as { value: AlertBody[] }).value;
    const alertId = cpu.id.split('/').pop()!;

    const got = await client.path(`${subPath}/{alertId}`, alertId).get();
    expect(got.status).toBe('200');
    expect((got.body as AlertBody).id).toBe(cpu.id);

    const changed = await client
      .path(`${subPath}/{alertId}/changestate`, alertId)
      .post({
        queryParameters: { newState: 'Closed' },
        body: { comments: 'CPU back to normal' },
        headers: { 'x-emulator-user': 'maya@mindfulmoments.dev' },
      });
    expect(changed.status).toBe('200');
    expect((changed.body as AlertBody).properties.essentials).toMatchObject({
      alertState: 'Closed',
      lastModifiedUserName: 'maya@mindfulmoments.dev',
      lastModifiedDateTime: NOW.toISOString(),
    });

    const history = await client
      .path(`${subPath}/{alertId}/history`, alertId)
      .get();
    const mods = (
      history.body as {
        properties: { modifications: Array<Record<string, string>> };
      }
    ).properties.modifications;
    expect(mods.at(-1)).toMatchObject({
      modificationEvent: 'StateChange',
      oldValue: 'Acknowledged',
      newValue: 'Closed',
      modifiedBy: 'maya@mindfulmoments.dev',
      comments: 'CPU back to normal',
    });
  });

  it('rejects a bad newState and unknown alerts like ARM', async () => {
    const bad = await client
      .path(`${subPath}/{alertId}/changestate`, 'x')
      .post({ queryParameters: { newState: 'Done' } });
    expect(bad.status).toBe('400');
    const missing = await client
      .path(`${subPath}/{alertId}`, '00000000-0000-0000-0000-000000000000')
      .get();
    expect(missing.status).toBe('404');
    expect(missing.body).toEqual({
      error: { code: 'ResourceNotFound', message: expect.any(String) },
    });
  });

  it('has the keys of the official Alerts_GetById example', async () => {
    const res = await client.path(subPath).get();
    const alert = (res.body as { value: AlertBody[] }).value[0];
    const example = getByIdExample.responses['200'].body;
    expect(Object.keys(alert).sort()).toEqual(Object.keys(example).sort());
    expect(Object.keys(alert.properties).sort()).toEqual(
      Object.keys(example.properties).sort(),
    );
    const exampleKeys = Object.keys(example.properties.essentials).filter(
      k => k !== 'monitorConditionResolvedDateTime',
    );
    expect(Object.keys(alert.properties.essentials)).toEqual(
      expect.arrayContaining(exampleKeys),
    );
  });
});

describe('ARM-style errors', () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startCloudEmulator();
  });
  afterAll(() => emulator.close());

  it('answers missing and unknown api-version with 400', async () => {
    const missing = await fetch(`${emulator.url}${subPath}`);
    expect(missing.status).toBe(400);
    expect(await missing.json()).toEqual({
      error: {
        code: 'MissingApiVersionParameter',
        message: expect.stringContaining('api-version'),
      },
    });
    const unknown = await fetch(
      `${emulator.url}${subPath}?api-version=2099-01-01`,
    );
    expect(unknown.status).toBe(400);
    expect(
      ((await unknown.json()) as { error: { code: string } }).error.code,
    ).toBe('NoRegisteredProviderFound');
  });

  it('answers unknown ARM routes with an ARM 404 and unknown GitHub routes with a GitHub 404', async () => {
    const arm = await fetch(
      `${emulator.url}/subscriptions/${SUBSCRIPTION_ID}/providers/Microsoft.Nope/things?api-version=2020-01-01`,
    );
    expect(arm.status).toBe(404);
    expect(await arm.json()).toEqual({
      error: { code: 'InvalidResourceType', message: expect.any(String) },
    });
    const gh = await fetch(
      `${emulator.url}/repos/mindful-moments/unknown/issues`,
    );
    expect(gh.status).toBe(404);
    expect(await gh.json()).toMatchObject({
      message: 'Not Found',
      documentation_url: expect.stringContaining('docs.github.com'),
    });
  });

  it('answers an unknown subscription with SubscriptionNotFound', async () => {
    const res = await fetch(
      `${emulator.url}/subscriptions/00000000-0000-0000-0000-000000000000/providers/Microsoft.AlertsManagement/alerts?api-version=2019-03-01`,
    );
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
      'SubscriptionNotFound',
    );
  });
});
