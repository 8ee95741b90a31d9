import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  TestApiProvider,
  mockApis,
  renderInTestApp,
} from '@backstage/test-utils';
import type { Alert } from '@sre-control-center/plugin-sre-control-center-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { sreControlCenterApiRef } from '../../api';
import { fakeApi, sampleAlert } from '../../__testUtils__';
import { AlertFeedCard } from './AlertFeedCard';

jest.setTimeout(20_000);

const SITE =
  '/subscriptions/3f2b8c1e-7d4a-4e5b-9c6f-1a2b3c4d5e6f/resourcegroups/rg-mindful-moments-dev/providers/microsoft.web/sites/app-mindful-moments-dev';

const fired: Alert = {
  ...sampleAlert,
  targetResourceId: SITE,
  description: 'Average response time above 2 s for 5 minutes',
  condition: {
    metric: 'HttpResponseTime',
    operator: 'GreaterThan',
    threshold: 2,
    observed: 3.4,
  },
};

async function renderCard(alerts: Alert[]) {
  const api = fakeApi(alerts);
  api.alertHistory[fired.id] = [
    {
      type: 'fired',
      actor: 'azure-monitor',
      at: '2026-11-28T10:00:00.000Z',
      details: null,
    },
  ];
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [sreControlCenterApiRef, api],
        [
          permissionApiRef,
          mockApis.permission({ authorize: AuthorizeResult.ALLOW }),
        ],
      ]}
    >
      <AlertFeedCard entityRef="system:default/mindful-moments" />
    </TestApiProvider>,
  );
  return api;
}

describe('AlertFeedCard detail drawer', () => {
  it('opens from a row with the details, the condition and the history, and stays current', async () => {
    const api = await renderCard([fired]);
    await userEvent.click(
      await screen.findByRole('button', { name: 'alert-high-response-time' }),
    );
    const drawer = await screen.findByRole('dialog', {
      name: 'Alert alert-high-response-time',
    });
    const details = within(drawer);
    expect(
      details.getByText('Monitor condition').nextSibling,
    ).toHaveTextContent('Fired');
    expect(
      details.getByText('Average response time above 2 s for 5 minutes'),
    ).toBeInTheDocument();
    expect(
      details.getByRole('link', { name: /app-mindful-moments-dev/ }),
    ).toHaveAttribute('href', `https://portal.azure.com/#resource${SITE}`);
    expect(
      details.getByText('HttpResponseTime GreaterThan 2 (observed 3.4)'),
    ).toBeInTheDocument();
    const history = await details.findByRole('list', { name: 'Alert history' });
    expect(within(history).getByText('Fired by azure-monitor')).toBeVisible();

    // Acknowledging from the drawer updates it and reloads the history.
    api.alertHistory[fired.id].push({
      type: 'acknowledged',
      actor: 'user:default/alex.sre',
      at: '2026-11-28T10:05:00.000Z',
      details: { comment: 'looking into it' },
    });
    const acknowledge = details.getByRole('button', { name: 'Acknowledge' });
    await waitFor(() => expect(acknowledge).toBeEnabled());
    await userEvent.click(acknowledge);
    expect(
      await details.findByText('Acknowledged by user:default/alex.sre'),
    ).toBeInTheDocument();
    expect(details.getByText(/looking into it/)).toBeInTheDocument();
    expect(details.getByText('State').nextSibling).toHaveTextContent(
      'Acknowledged',
    );
    expect(
      api.requests.filter(r => (r as { history?: string }).history),
    ).toHaveLength(2);

    await userEvent.click(
      details.getByRole('button', { name: 'Close details' }),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('opens when the row itself is clicked, but not from its action buttons', async () => {
    await renderCard([
      { ...fired, targetResourceId: null, condition: undefined },
    ]);
    const row = (await screen.findAllByRole('row'))[1];
    const acknowledge = within(row).getByRole('button', {
      name: 'Acknowledge',
    });
    await waitFor(() => expect(acknowledge).toBeEnabled());
    await userEvent.click(acknowledge);
    await within(row).findByText('Acknowledged');
    expect(screen.queryByRole('dialog')).toBeNull();

    await userEvent.click(within(row).getByText('Fired'));
    const drawer = await screen.findByRole('dialog');
    expect(within(drawer).getByText('Resource').nextSibling).toHaveTextContent(
      '—',
    );
    expect(within(drawer).queryByText('Condition')).toBeNull();
    expect(
      await within(drawer).findByText('Fired by azure-monitor'),
    ).toBeInTheDocument();
  });
});
