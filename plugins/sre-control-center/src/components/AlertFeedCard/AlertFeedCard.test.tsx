import { signalApiRef } from '@backstage/plugin-signals-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  TestApiProvider,
  mockApis,
  renderInTestApp,
} from '@backstage/test-utils';
import userEvent from '@testing-library/user-event';
import { act, screen, waitFor, within } from '@testing-library/react';
import { sreControlCenterApiRef } from '../../api';
import { fakeApi, fakeSignals, sampleAlert } from '../../__testUtils__';
import { AlertFeedCard } from './AlertFeedCard';

describe('AlertFeedCard', () => {
  it('shows alerts pushed on the project channel without reloading', async () => {
    const signals = fakeSignals();
    const api = fakeApi([sampleAlert]);
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [sreControlCenterApiRef, api],
          [signalApiRef, signals.api],
          [permissionApiRef, mockApis.permission()],
        ]}
      >
        <AlertFeedCard entityRef="system:default/mindful-moments" />
      </TestApiProvider>,
    );
    expect(
      await screen.findByText('alert-high-response-time'),
    ).toBeInTheDocument();
    expect(screen.getByText(/Live: updates are pushed/)).toBeInTheDocument();

    act(() => {
      signals.pushOn('sre-control-center:system:default/mindful-moments', {
        type: 'alert.changed',
        alert: {
          ...sampleAlert,
          id: 'another',
          name: 'alert-http-5xx',
          severity: 'Sev1',
          firedAt: '2026-11-28T11:00:00.000Z',
          updatedAt: '2026-11-28T11:00:00.000Z',
        },
      });
    });
    expect(await screen.findByText('alert-http-5xx')).toBeInTheDocument();
    const names = screen
      .getAllByRole('row')
      .slice(1)
      .map(r => r.textContent);
    expect(names[0]).toContain('alert-http-5xx');
    // One alert list request (the card also reads the System's issues once).
    expect(
      api.requests.filter(r => !(r as { issues?: string }).issues),
    ).toHaveLength(1);
  });
});

describe('AlertFeedCard actions', () => {
  async function renderWithPermission() {
    const api = fakeApi([sampleAlert]);
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

  it('acknowledges, then offers only Close', async () => {
    const api = await renderWithPermission();
    const acknowledge = await screen.findByRole('button', {
      name: 'Acknowledge',
    });
    await waitFor(() => expect(acknowledge).toBeEnabled());
    await userEvent.click(acknowledge);
    // In the table: the State filter offers "Acknowledged" too.
    const table = screen.getByRole('table', { name: 'Alerts' });
    expect(await within(table).findByText('Acknowledged')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Acknowledge' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Close' })).toBeEnabled();
    expect(api.requests).toContainEqual({ acknowledge: sampleAlert.id });
  });
});
