import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { signalApiRef, type SignalApi } from '@backstage/plugin-signals-react';
import {
  TestApiProvider,
  mockApis,
  renderInTestApp,
} from '@backstage/test-utils';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { sreControlCenterApiRef } from '../../api';
import {
  fakeApi,
  fakeSignals,
  sampleMaintenanceWindow,
} from '../../__testUtils__';
import { MaintenanceBanner, clockTime } from './MaintenanceBanner';

const SYSTEM = 'system:default/mindful-moments';

async function renderBanner(
  api: ReturnType<typeof fakeApi>,
  signals?: SignalApi,
) {
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [sreControlCenterApiRef, api],
        [
          permissionApiRef,
          mockApis.permission({ authorize: AuthorizeResult.ALLOW }),
        ],
        ...(signals ? [[signalApiRef, signals] as const] : []),
      ]}
    >
      <MaintenanceBanner entityRef={SYSTEM} systemName="Mindful Moments" />
    </TestApiProvider>,
  );
}

describe('MaintenanceBanner', () => {
  it('says until when, why and by whom the alerts are silenced, and ends the window', async () => {
    const api = fakeApi();
    const window = sampleMaintenanceWindow();
    api.maintenanceState.windows = [window];
    await renderBanner(api);
    const banner = await screen.findByRole('alert', {
      name: 'Maintenance window',
    });
    expect(banner).toHaveTextContent(
      `Alerts for Mindful Moments are silenced until ${clockTime(
        window.endsAt,
      )} (PostgreSQL major upgrade, by alex.sre)`,
    );
    expect(clockTime(window.endsAt)).toMatch(/^\d\d:\d\d$/);

    await userEvent.click(
      within(banner).getByRole('button', { name: 'End now' }),
    );
    expect(api.requests).toContainEqual({
      endMaintenance: window.name,
      entityRef: SYSTEM,
    });
    await waitFor(() =>
      expect(
        screen.queryByRole('alert', { name: 'Maintenance window' }),
      ).toBeNull(),
    );
  });

  it('starts a window from the dialog with the chosen duration and reason', async () => {
    const api = fakeApi();
    await renderBanner(api);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Silence alerts' }),
    );
    const dialog = await screen.findByRole('dialog');
    const submit = within(dialog).getByRole('button', { name: 'Silence' });
    // No reason, no window.
    expect(submit).toBeDisabled();
    await userEvent.click(within(dialog).getByRole('combobox'));
    expect(
      (await screen.findAllByRole('option')).map(o => o.textContent),
    ).toEqual(['30 min', '1 h', '2 h', '4 h']);
    await userEvent.click(screen.getByRole('option', { name: '2 h' }));
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: /Reason/ }),
      'Deploying the new API',
    );
    await userEvent.click(submit);

    expect(api.requests).toContainEqual({
      startMaintenance: {
        entityRef: SYSTEM,
        minutes: 120,
        reason: 'Deploying the new API',
      },
    });
    const banner = await screen.findByRole('alert', {
      name: 'Maintenance window',
    });
    expect(banner).toHaveTextContent(/Deploying the new API, by guest/);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('reloads when the backend signals that a window started elsewhere', async () => {
    const api = fakeApi();
    const signals = fakeSignals();
    await renderBanner(api, signals.api);
    await screen.findByRole('button', { name: 'Silence alerts' });
    expect(
      screen.queryByRole('alert', { name: 'Maintenance window' }),
    ).toBeNull();

    api.maintenanceState.windows = [sampleMaintenanceWindow()];
    // Other project signals do not reload the windows.
    const before = api.requests.length;
    act(() => signals.push({ type: 'costs.changed', entityRef: SYSTEM }));
    act(() => signals.push({ type: 'maintenance.changed', entityRef: SYSTEM }));
    expect(
      await screen.findByRole('alert', { name: 'Maintenance window' }),
    ).toBeInTheDocument();
    expect(
      api.requests.slice(before).filter(r => 'maintenance' in (r as object)),
    ).toHaveLength(1);
  });

  it('takes the banner down when the window ends on its own', async () => {
    jest.useFakeTimers({ advanceTimers: true });
    try {
      const api = fakeApi();
      api.maintenanceState.windows = [
        sampleMaintenanceWindow({
          endsAt: new Date(Date.now() + 60_000).toISOString(),
        }),
      ];
      await renderBanner(api);
      await screen.findByRole('alert', { name: 'Maintenance window' });
      await act(async () => {
        jest.advanceTimersByTime(61_000);
      });
      await waitFor(() =>
        expect(
          screen.queryByRole('alert', { name: 'Maintenance window' }),
        ).toBeNull(),
      );
    } finally {
      jest.useRealTimers();
    }
  });

  it('shows nothing for a System without an Azure resource group', async () => {
    const api = fakeApi();
    api.maintenanceState.connected = false;
    await renderBanner(api);
    await waitFor(() =>
      expect(api.requests).toContainEqual({ maintenance: SYSTEM }),
    );
    expect(screen.queryByRole('button', { name: 'Silence alerts' })).toBeNull();
  });
});
