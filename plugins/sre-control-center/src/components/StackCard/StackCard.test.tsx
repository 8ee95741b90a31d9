import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import type { ReactElement } from 'react';
import { StackCard } from './StackCard';
import { stackSnapshot } from '../../__testUtils__';

/** Resource names link to their catalog pages. */
const render = (card: ReactElement) =>
  renderInTestApp(card, {
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
  });

describe('StackCard', () => {
  it('shows each resource with its state chip, SKU, portal link and sparklines', async () => {
    await render(<StackCard snapshot={stackSnapshot()} />);
    const table = screen.getByRole('table', { name: 'Provisioned resources' });
    expect(
      within(table).getByRole('link', { name: 'app-mindful-moments-dev' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/resource/app-mindful-moments-dev',
    );
    const app = within(table).getByRole('link', {
      name: /^app-mindful-moments-dev in the Azure portal/,
    });
    expect(app).toHaveAttribute(
      'href',
      expect.stringMatching(
        /^https:\/\/portal\.azure\.com\/#resource\/subscriptions\/.*\/sites\/app-mindful-moments-dev\/overview$/,
      ),
    );
    expect(within(table).getByText('Running')).toBeInTheDocument();
    expect(within(table).getByText('Stopped')).toBeInTheDocument();
    expect(
      within(table).getByText('B1 (Basic) · 1 worker'),
    ).toBeInTheDocument();
    expect(
      within(table).getByText('Standard_B1ms (Burstable) · PostgreSQL 16.9'),
    ).toBeInTheDocument();
    expect(
      within(table).getByRole('img', {
        name: 'Response time, last hour: 410 ms now (ok)',
      }),
    ).toBeInTheDocument();
    expect(
      within(table).getByRole('img', {
        name: 'Failed connections, last hour: 23 now (critical)',
      }),
    ).toBeInTheDocument();
    // A gap in the data breaks the line into two segments.
    expect(
      screen.getByTestId('sparkline-HttpResponseTime').querySelectorAll('path'),
    ).toHaveLength(2);
    expect(screen.getByText('Read from Azure 1 min ago')).toBeInTheDocument();
  });

  it('says plainly which alert rules will not reach the Control Center', async () => {
    await render(<StackCard snapshot={stackSnapshot()} />);
    const wiring = screen.getByRole('region', { name: 'Alert wiring' });
    expect(within(wiring).getByRole('alert')).toHaveTextContent(
      'Alerts that will not reach the Control Center',
    );
    expect(wiring).toHaveTextContent(
      'Rule alert-storage-availability uses only ag-mindful-moments-email, which does not call the Control Center: alerts of this rule will not reach the Control Center.',
    );
    const rules = screen.getByRole('table', { name: 'Alert rules' });
    expect(within(rules).getByText('not wired')).toBeInTheDocument();
    expect(
      within(rules).getByText('2026-11-30T08:00:00.000Z'),
    ).toBeInTheDocument();
    expect(within(rules).getByText('never')).toBeInTheDocument();
  });

  it('puts the Terraform estimate next to the actual cost and forecast', async () => {
    await render(<StackCard snapshot={stackSnapshot()} />);
    const cost = screen.getByLabelText('Estimate and actual cost');
    expect(cost).toHaveTextContent(
      'Terraform estimate (prices of 2026-11-20)€71.90 / month',
    );
    expect(cost).toHaveTextContent('Month to date€3.60');
    expect(cost).toHaveTextContent('Forecast€108.20');
    expect(cost).toHaveTextContent(
      'The forecast is more than 20 % over the Terraform estimate.',
    );
  });

  it('shows last known values with their age and the error, and the role Azure wants', async () => {
    await render(
      <StackCard
        snapshot={stackSnapshot({
          ageSeconds: 3 * 3600 + 300,
          problems: [
            {
              source: 'arm',
              target: 'kv-mindful-moments-dev',
              message:
                'Azure refused to let the backend read kv-mindful-moments-dev (AuthorizationFailed): its identity needs Reader on the resource group.',
              code: 'AuthorizationFailed',
              requiredRole: 'Reader on the resource group',
              at: '2026-12-01T10:00:00.000Z',
            },
          ],
        })}
      />,
    );
    const stale = screen.getByRole('region', { name: 'Stale values' });
    expect(stale).toHaveTextContent(
      'Last read from Azure 3 h 5 min ago: the values may be out of date',
    );
    expect(stale).toHaveTextContent('Needs: Reader on the resource group.');
  });

  it('says the Terraform outputs were refused, with the error', async () => {
    await render(
      <StackCard
        snapshot={stackSnapshot({
          terraformOutputs: {
            status: 'error',
            checkedAt: '2026-12-01T10:05:00.000Z',
            readAt: '2026-12-01T09:00:00.000Z',
            error:
              'outputs.json: outputs did not parse: not JSON (Unexpected end of JSON input)',
            source: 'outputs.json',
          },
        })}
      />,
    );
    expect(
      screen.getByRole('region', { name: 'Terraform outputs' }),
    ).toHaveTextContent(
      /from the last good read of 2026-12-01T09:00:00.000Z: outputs.json: outputs did not parse: not JSON/,
    );
  });

  it('says when there is no snapshot yet, and when reading it failed', async () => {
    const { unmount } = await render(<StackCard />);
    expect(
      screen.getByText('The stack has not been read from Azure yet'),
    ).toBeInTheDocument();
    unmount();
    await render(<StackCard error={new Error('503 Service Unavailable')} />);
    expect(screen.getByText(/Could not read the stack/)).toBeInTheDocument();
    expect(
      screen.getAllByText(/503 Service Unavailable/).length,
    ).toBeGreaterThan(0);
  });
});
