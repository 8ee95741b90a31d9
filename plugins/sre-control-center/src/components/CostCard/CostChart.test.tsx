import { renderInTestApp } from '@backstage/test-utils';
import type { CostSummary } from '@sre-control-center/plugin-sre-control-center-common';
import { screen } from '@testing-library/react';
import { sampleCosts } from '../../__testUtils__';
import { CostChart } from './CostChart';
import { costChartData } from './costChartData';

const november: CostSummary = {
  ...sampleCosts,
  monthToDate: 40,
  forecast: 100,
  daily: Array.from({ length: 10 }, (_, i) => ({
    date: `2026-11-${String(i + 1).padStart(2, '0')}`,
    cost: 4,
  })),
};

describe('costChartData', () => {
  it('accumulates the actual cost per day and draws the forecast to month end', () => {
    const points = costChartData(november);
    expect(points).toHaveLength(30);
    expect(points[0]).toMatchObject({
      day: 1,
      actual: 4,
      forecast: null,
      budget: 120,
      budget80: 96,
    });
    expect(points[9]).toMatchObject({ day: 10, actual: 40, forecast: 40 });
    expect(points[10].actual).toBeNull();
    expect(points[29]).toMatchObject({ day: 30, forecast: 100 });
    // Linear in between.
    expect(points[19].forecast).toBeCloseTo(40 + (60 * 10) / 20, 2);
  });

  it('has no budget lines without a budget', () => {
    const points = costChartData({ ...november, budget: null });
    expect(points.every(p => p.budget === null && p.budget80 === null)).toBe(
      true,
    );
  });
});

describe('CostChart', () => {
  it('draws an SVG with the actual, forecast, budget and 80 % lines, labelled in the currency', async () => {
    const { container } = await renderInTestApp(
      <CostChart summary={november} width={600} height={240} />,
    );
    const figure = screen.getByRole('figure');
    expect(figure).toHaveAccessibleName(
      /Cost this month in EUR: €40.00 so far, forecast €100.00, budget €120.00/,
    );
    expect(container.querySelector('svg.recharts-surface')).not.toBeNull();
    expect(container.querySelectorAll('.recharts-line')).toHaveLength(4);
    expect(container.querySelector('.cost-chart-budget path')).not.toBeNull();
    expect(
      container.querySelector('.cost-chart-budget-80 path'),
    ).not.toBeNull();
    expect(screen.getByText('Budget €120')).toBeInTheDocument();
    expect(screen.getByText('Forecast €100')).toBeInTheDocument();
    expect(screen.getByText('80 % of budget')).toBeInTheDocument();
    expect(screen.getByText('€120')).toBeInTheDocument(); // y axis tick
  });

  it('says so when there are no daily figures yet', async () => {
    await renderInTestApp(
      <CostChart summary={{ ...november, daily: [] }} width={600} />,
    );
    expect(
      screen.getByText('No daily figures for this month yet.'),
    ).toBeInTheDocument();
  });
});
