import { OPERATIONS_SIGNAL_CHANNEL } from '@sre-control-center/plugin-sre-control-center-common';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  FIRST_RENDER,
  failedDelivery,
  fakeApi,
  unroutedAlert as unrouted,
  renderOperationsPage,
} from '../../__testUtils__';

describe('OperationsPage', () => {
  it('lists unrouted alerts with what would route them, and retries a failed delivery', async () => {
    const api = fakeApi();
    api.operationsState.unrouted = [unrouted];
    api.operationsState.deliveries = [{ ...failedDelivery }];
    await renderOperationsPage(api);

    const alerts = await screen.findByRole(
      'table',
      { name: 'Unrouted alerts' },
      FIRST_RENDER,
    );
    expect(alerts).toHaveTextContent('alert-orphan-cpu');
    expect(alerts).toHaveTextContent(
      'No System claims resource group rg-other',
    );
    expect(alerts).toHaveTextContent(
      'sre-control-center/azure-resource-group: /subscriptions/3f2b8c1e-7d4a-4e5b-9c6f-1a2b3c4d5e6f/resourceGroups/rg-other',
    );
    const failed = await screen.findByRole('table', {
      name: 'Failed deliveries',
    });
    expect(failed).toHaveTextContent('essentials.alertId: Required');
    expect(
      screen.getByText('No webhook delivery is waiting for a retry.'),
    ).toBeInTheDocument();

    await userEvent.click(
      within(failed).getByRole('button', { name: 'Retry delivery 42' }),
    );
    expect(api.requests).toContainEqual({ retryDelivery: '42' });
    // Both lists are read again: the delivery waits now.
    const pending = await screen.findByRole('table', {
      name: 'Pending deliveries',
    });
    expect(pending).toHaveTextContent('#42');
    await waitFor(() =>
      expect(
        screen.queryByRole('table', { name: 'Failed deliveries' }),
      ).toBeNull(),
    );
  });

  it('reloads the lists when the backend signals a change on the operators channel', async () => {
    const api = fakeApi();
    const signals = await renderOperationsPage(api);
    expect(
      await screen.findByText(
        'Every alert reached a System',
        undefined,
        FIRST_RENDER,
      ),
    ).toBeInTheDocument();
    api.operationsState.unrouted = [unrouted];
    act(() =>
      signals.pushOn(OPERATIONS_SIGNAL_CHANNEL, { type: 'operations.changed' }),
    );
    expect(
      await screen.findByRole('table', { name: 'Unrouted alerts' }),
    ).toHaveTextContent('alert-orphan-cpu');
  });
});
