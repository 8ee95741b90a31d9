import {
  BUDGET_NAME,
  RESOURCE_GROUP_ID,
  startCloudEmulator,
  type RunningEmulator,
} from '@sre-control-center/cloud-emulator';
import { CostsThrottled } from '../../domain/costs/ports';
import { monthOf } from '../../domain/costs/summarizeCosts';
import { createArmAccess } from './armAccess';
import { AzureCostSource } from './AzureCostSource';

jest.setTimeout(30_000);

const NOW = new Date('2026-11-20T10:00:00Z');
const RG = RESOURCE_GROUP_ID.toLowerCase();

// Contract test: the adapter against the emulator over real HTTP and the real SDKs.
describe('AzureCostSource', () => {
  let emulator: RunningEmulator;
  let source: AzureCostSource;

  beforeAll(async () => {
    emulator = await startCloudEmulator({ now: () => NOW });
    source = new AzureCostSource(createArmAccess(emulator.url));
  });

  afterAll(async () => {
    await emulator.close();
  });

  it('reads month-to-date cost per day, service and resource', async () => {
    const usage = await source.monthToDate(RG);
    expect(usage.currency).toBe('EUR');
    expect(usage.daily.length).toBeGreaterThan(10);
    expect(
      usage.daily.every(d => d.date >= '2026-11-01' && d.date <= '2026-11-20'),
    ).toBe(true);
    const total = usage.daily.reduce((s, d) => s + d.cost, 0);
    const byService = usage.byService.reduce((s, d) => s + d.cost, 0);
    expect(byService).toBeCloseTo(total, 1);
    expect(usage.byService.map(s => s.name)).toContain('Azure App Service');
    expect(
      usage.byResource.some(r =>
        r.resourceId.endsWith('/sites/app-mindful-moments-dev'),
      ),
    ).toBe(true);
  });

  it('forecasts at least what is spent', async () => {
    const usage = await source.monthToDate(RG);
    const total = usage.daily.reduce((s, d) => s + d.cost, 0);
    const forecast = await source.monthForecast(RG, monthOf(NOW));
    expect(forecast).toBeGreaterThan(total);
  });

  it('finds the budget at subscription scope when the resource group has none', async () => {
    expect(await source.budget(RG, BUDGET_NAME)).toEqual({
      name: BUDGET_NAME,
      amount: 120,
      notifications: [
        { percent: 80, basis: 'Actual' },
        { percent: 100, basis: 'Actual' },
      ],
    });
    expect(await source.budget(RG, 'no-such-budget')).toBeUndefined();
  });

  it('turns Cost Management throttling into CostsThrottled with its retry-after', async () => {
    await emulator.runScenario('throttle-costs', {
      count: 1,
      retryAfterSeconds: 42,
    });
    const error = await source.monthToDate(RG).catch(e => e);
    expect(error).toBeInstanceOf(CostsThrottled);
    expect(error.retryAfterSeconds).toBe(42);
  });
});
