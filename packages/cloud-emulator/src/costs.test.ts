import { ConsumptionManagementClient } from '@azure/arm-consumption';
import { CostManagementClient } from '@azure/arm-costmanagement';
import { isRestError } from '@azure/core-rest-pipeline';
import { WebSiteManagementClient } from '@azure/arm-appservice';
import {
  BUDGET_NAME,
  emulatorCredential,
  LOG_ANALYTICS_ID,
  RESOURCE_GROUP,
  RunningEmulator,
  SITE_NAME,
  startCloudEmulator,
  SUBSCRIPTION_ID,
  useEmulatorAuth,
} from './index';
import queryExample from './__fixtures__/SubscriptionQueryGrouping.json';

const NOW = new Date('2025-06-16T10:00:00Z');
const scope = `/subscriptions/${SUBSCRIPTION_ID}`;
const rgScope = `${scope}/resourceGroups/${RESOURCE_GROUP}`;

describe('Cost Management and budgets through the ARM SDKs', () => {
  let emulator: RunningEmulator;
  let costs: CostManagementClient;
  let consumption: ConsumptionManagementClient;

  beforeAll(async () => {
    emulator = await startCloudEmulator({ now: () => NOW });
    const options = {
      endpoint: emulator.url,
      allowInsecureConnection: true,
      retryOptions: { maxRetries: 0 },
    };
    costs = useEmulatorAuth(
      new CostManagementClient(emulatorCredential, options),
    );
    consumption = useEmulatorAuth(
      new ConsumptionManagementClient(
        emulatorCredential,
        SUBSCRIPTION_ID,
        options,
      ),
    );
  });
  afterAll(() => emulator.close());

  it('returns daily costs by service last month, near the 120 EUR budget', async () => {
    const result = await costs.query.usage(scope, {
      type: 'ActualCost',
      timeframe: 'TheLastMonth',
      dataset: {
        granularity: 'Daily',
        aggregation: { totalCost: { name: 'Cost', function: 'Sum' } },
        grouping: [{ type: 'Dimension', name: 'ServiceName' }],
      },
    });
    expect(result.columns?.map(c => c.name)).toEqual([
      'Cost',
      'UsageDate',
      'ServiceName',
      'Currency',
    ]);
    const rows = result.rows as Array<[number, number, string, string]>;
    const days = new Set(rows.map(r => r[1]));
    expect(days.size).toBe(31);
    expect([...days].every(d => d >= 20250501 && d <= 20250531)).toBe(true);
    expect(new Set(rows.map(r => r[2]))).toEqual(
      new Set([
        'Azure App Service',
        'Bandwidth',
        'Azure Database for PostgreSQL',
        'Storage',
        'Log Analytics',
        'Application Insights',
        'Key Vault',
      ]),
    );
    const total = rows.reduce((s, r) => s + r[0], 0);
    expect(total).toBeGreaterThan(100);
    expect(total).toBeLessThan(125);
    expect(rows[0][3]).toBe('EUR');
  });

  it('groups by ResourceId and filters by resource group', async () => {
    const result = await costs.query.usage(
      `${scope}/resourceGroups/${RESOURCE_GROUP}`,
      {
        type: 'ActualCost',
        timeframe: 'MonthToDate',
        dataset: {
          aggregation: { totalCost: { name: 'PreTaxCost', function: 'Sum' } },
          grouping: [{ type: 'Dimension', name: 'ResourceId' }],
          filter: {
            dimensions: {
              name: 'ServiceName',
              operator: 'In',
              values: ['Log Analytics'],
            },
          },
        },
      },
    );
    expect(result.columns?.map(c => c.name)).toEqual([
      'PreTaxCost',
      'ResourceId',
      'Currency',
    ]);
    expect(result.rows).toEqual([
      [expect.any(Number), LOG_ANALYTICS_ID.toLowerCase(), 'EUR'],
    ]);
  });

  it('matches the column layout of the official query example', () => {
    const example = queryExample.responses['200'].body.properties;
    expect(example.columns.map(c => c.name)).toEqual([
      'PreTaxCost',
      'ResourceGroup',
      'Currency',
    ]);
    expect(example.rows[0]).toHaveLength(3);
  });

  it('forecasts the rest of the month', async () => {
    const result = await costs.forecast.usage(scope, {
      type: 'ActualCost',
      timeframe: 'Custom',
      timePeriod: {
        from: new Date('2025-06-01T00:00:00Z'),
        to: new Date('2025-06-30T23:59:59Z'),
      },
      dataset: {
        granularity: 'Daily',
        aggregation: { totalCost: { name: 'Cost', function: 'Sum' } },
      },
      includeActualCost: true,
      includeFreshPartialCost: false,
    });
    expect(result.columns?.map(c => c.name)).toEqual([
      'Cost',
      'UsageDate',
      'CostStatus',
      'Currency',
    ]);
    const rows = result.rows as Array<[number, number, string, string]>;
    expect(rows).toHaveLength(30);
    expect(rows[0]).toEqual([expect.any(Number), 20250601, 'Actual', 'EUR']);
    expect(rows[29]).toEqual([expect.any(Number), 20250630, 'Forecast', 'EUR']);
  });

  it('returns the budget at resource group scope, where the Terraform creates it', async () => {
    const budget = await consumption.budgets.get(rgScope, BUDGET_NAME);
    expect(budget.id).toBe(
      `${rgScope}/providers/Microsoft.Consumption/budgets/${BUDGET_NAME}`,
    );
    expect(budget.amount).toBe(120);
    expect(budget.timeGrain).toBe('Monthly');
    expect(budget.currentSpend?.unit).toBe('EUR');
    expect(budget.currentSpend?.amount).toBeGreaterThan(40);
    expect(budget.currentSpend?.amount).toBeLessThan(70);
    expect(
      Object.values(budget.notifications ?? {}).map(n => [
        n.threshold,
        n.thresholdType,
      ]),
    ).toEqual([
      [80, 'Actual'],
      [100, 'Actual'],
    ]);
    const all = [];
    for await (const b of consumption.budgets.list(rgScope)) all.push(b);
    expect(all.map(b => b.name)).toEqual([BUDGET_NAME]);
    // Not at subscription scope: that is another budget in Azure.
    const atSubscription = [];
    for await (const b of consumption.budgets.list(scope))
      atSubscription.push(b);
    expect(atSubscription).toEqual([]);
    await expect(
      consumption.budgets.get(scope, BUDGET_NAME),
    ).rejects.toMatchObject({ statusCode: 404 });
  });

  it('raises spend past 80 % with the budget-80 scenario', async () => {
    await emulator.runScenario('budget-80');
    const budget = await consumption.budgets.get(rgScope, BUDGET_NAME);
    expect(budget.currentSpend!.amount!).toBeGreaterThan(96);
  });

  it('throttles Cost Management with the costmanagement retry-after headers', async () => {
    await emulator.runScenario('throttle-costs', {
      count: 1,
      retryAfterSeconds: 30,
    });
    const err = await costs.query
      .usage(scope, {
        type: 'ActualCost',
        timeframe: 'MonthToDate',
        dataset: {},
      })
      .catch(e => e);
    expect(isRestError(err)).toBe(true);
    expect(err.statusCode).toBe(429);
    expect(
      err.response.headers.get(
        'x-ms-ratelimit-microsoft.costmanagement-qpu-retry-after',
      ),
    ).toBe('30');
    await expect(
      costs.query.usage(scope, {
        type: 'ActualCost',
        timeframe: 'MonthToDate',
        dataset: {},
      }),
    ).resolves.toBeDefined();
  });

  it('throttles other ARM routes with Retry-After, which the SDK honours', async () => {
    const web = useEmulatorAuth(
      new WebSiteManagementClient(emulatorCredential, SUBSCRIPTION_ID, {
        endpoint: emulator.url,
        allowInsecureConnection: true,
      }),
    );
    await emulator.runScenario('throttle-arm', {
      count: 1,
      retryAfterSeconds: 1,
    });
    const started = Date.now();
    const site = await web.webApps.get(RESOURCE_GROUP, SITE_NAME);
    expect(site.name).toBe(SITE_NAME);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(emulator.state.throttle.armRemaining).toBe(0);
  });
});
