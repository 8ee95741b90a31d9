import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  TestApiProvider,
  mockApis,
  renderInTestApp,
} from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { sreControlCenterApiRef } from '../../api';
import { fakeApi, sampleMaintenanceWindow } from '../../__testUtils__';
import { MaintenanceBanner } from './MaintenanceBanner';

// In its own file: usePermission caches decisions per module registry, so a
// DENY test must not share one with ALLOW tests.
describe('MaintenanceBanner without the maintenance.manage permission', () => {
  it('shows the banner but disables both buttons, saying why', async () => {
    const api = fakeApi();
    api.maintenanceState.windows = [sampleMaintenanceWindow()];
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [sreControlCenterApiRef, api],
          [
            permissionApiRef,
            mockApis.permission({ authorize: AuthorizeResult.DENY }),
          ],
        ]}
      >
        <MaintenanceBanner
          entityRef="system:default/mindful-moments"
          systemName="Mindful Moments"
        />
      </TestApiProvider>,
    );
    expect(
      await screen.findByRole('alert', { name: 'Maintenance window' }),
    ).toBeInTheDocument();
    const silence = screen.getByRole('button', { name: 'Silence alerts' });
    expect(silence).toBeDisabled();
    expect(screen.getByRole('button', { name: 'End now' })).toBeDisabled();

    await userEvent.hover(silence.parentElement!);
    expect(await screen.findByRole('tooltip')).toHaveTextContent(
      'Silencing alerts needs the sre-control-center.maintenance.manage permission on this System',
    );
  });
});
