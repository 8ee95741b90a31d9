import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { signalApiRef } from '@backstage/plugin-signals-react';
import { act, screen, waitFor } from '@testing-library/react';
import { sreControlCenterApiRef } from '../../api';
import { fakeApi, fakeSignals, sampleCosts } from '../../__testUtils__';
import { CostCard } from './CostCard';

async function renderCard(costs: typeof sampleCosts | undefined) {
  await renderInTestApp(
    <TestApiProvider apis={[[sreControlCenterApiRef, fakeApi([], costs)]]}>
      <CostCard entityRef="system:default/mindful-moments" />
    </TestApiProvider>,
  );
}

describe('CostCard', () => {
  it('shows month to date against the budget, the forecast and the thresholds', async () => {
    await renderCard(sampleCosts);
    expect(await screen.findByText('Month to date')).toBeInTheDocument();
    expect(screen.getByText(/85 % of the .*120.* budget/)).toBeInTheDocument();
    expect(
      screen.getByRole('progressbar', { name: 'Budget used' }),
    ).toHaveAttribute('aria-valuenow', '85');
    expect(screen.getByText('80 %: crossed')).toBeInTheDocument();
    expect(screen.getByText('100 %: not reached')).toBeInTheDocument();
    expect(screen.getByText('Azure App Service')).toBeInTheDocument();
    expect(screen.getByText('asp-mindful-moments-dev')).toBeInTheDocument();
    // The month as a chart, labelled in the budget's currency.
    expect(screen.getByRole('figure')).toHaveAccessibleName(
      /^Cost this month in EUR: .*101.50.* so far, forecast .*131.20.*, budget .*120.00/,
    );
  });

  it('warns when the figures are stale', async () => {
    await renderCard({
      ...sampleCosts,
      lastError: 'Cost Management is throttling; retry after 30 s',
    });
    expect(
      await screen.findByText(
        /the last refresh failed: Cost Management is throttling/,
      ),
    ).toBeInTheDocument();
  });

  it('explains an empty card', async () => {
    await renderCard(undefined);
    expect(await screen.findByText(/No cost figures yet/)).toBeInTheDocument();
  });
});

describe('CostCard live updates', () => {
  it('reloads when the backend says the figures changed', async () => {
    const signals = fakeSignals();
    const api = fakeApi([], sampleCosts);
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [sreControlCenterApiRef, api],
          [signalApiRef, signals.api],
        ]}
      >
        <CostCard entityRef="system:default/mindful-moments" />
      </TestApiProvider>,
    );
    expect(await screen.findByText('Month to date')).toBeInTheDocument();
    const before = api.requests.length;
    act(() => {
      signals.push({
        type: 'costs.changed',
        entityRef: 'system:default/mindful-moments',
      });
    });
    await waitFor(() => expect(api.requests.length).toBe(before + 1));
  });
});
