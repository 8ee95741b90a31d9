import { monthOf, summarizeCosts } from './summarizeCosts';

const usage = {
  currency: 'EUR',
  daily: [
    { date: '2026-11-02', cost: 40.004 },
    { date: '2026-11-01', cost: 60 },
  ],
  byService: [
    { name: 'Storage', cost: 5 },
    { name: 'Azure App Service', cost: 55.004 },
    { name: 'Azure Database for PostgreSQL', cost: 40 },
  ],
  byResource: [
    {
      resourceId:
        '/subscriptions/s/resourcegroups/rg/providers/microsoft.web/sites/app',
      cost: 55,
    },
  ],
};
const now = new Date('2026-11-20T12:00:00Z');

describe('summarizeCosts', () => {
  it('totals the month and compares it with the budget', () => {
    const summary = summarizeCosts({
      entityRef: 'system:default/x',
      usage,
      forecast: 130,
      budget: {
        name: 'b',
        amount: 120,
        notifications: [
          { percent: 100, basis: 'Actual' },
          { percent: 80, basis: 'Actual' },
        ],
      },
      now,
    });
    expect(summary.monthToDate).toBe(100);
    expect(summary.forecast).toBe(130);
    expect(summary.period).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(summary.budget).toEqual({
      name: 'b',
      amount: 120,
      percentUsed: 83.33,
      forecastPercent: 108.33,
      thresholds: [
        { percent: 80, basis: 'Actual', crossed: true },
        { percent: 100, basis: 'Actual', crossed: false },
      ],
    });
    expect(summary.byService.map(s => s.name)).toEqual([
      'Azure App Service',
      'Azure Database for PostgreSQL',
      'Storage',
    ]);
    expect(summary.byResource[0].name).toBe('app');
    expect(summary.daily.map(d => d.date)).toEqual([
      '2026-11-01',
      '2026-11-02',
    ]);
  });

  it('uses 80 % and 100 % when the budget has no notifications, and forecast thresholds on the forecast', () => {
    const summary = summarizeCosts({
      entityRef: 'system:default/x',
      usage,
      forecast: 50,
      budget: { name: 'b', amount: 100, notifications: [] },
      now,
    });
    // The forecast never shows less than what is already spent.
    expect(summary.forecast).toBe(100);
    expect(summary.budget!.thresholds.map(t => [t.percent, t.crossed])).toEqual(
      [
        [80, true],
        [100, true],
      ],
    );
    const forecasted = summarizeCosts({
      entityRef: 'system:default/x',
      usage: { ...usage, daily: [{ date: '2026-11-01', cost: 10 }] },
      forecast: 95,
      budget: {
        name: 'b',
        amount: 100,
        notifications: [{ percent: 90, basis: 'Forecasted' }],
      },
      now,
    });
    expect(forecasted.budget!.thresholds).toEqual([
      { percent: 90, basis: 'Forecasted', crossed: true },
    ]);
  });

  it('has no budget part without a budget', () => {
    expect(
      summarizeCosts({
        entityRef: 'system:default/x',
        usage,
        forecast: 0,
        budget: undefined,
        now,
      }).budget,
    ).toBeNull();
  });

  it('knows the month of a date, in UTC', () => {
    expect(monthOf(new Date('2026-02-10T00:00:00Z')).to.toISOString()).toBe(
      '2026-02-28T23:59:59.000Z',
    );
  });
});
