import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  TestApiProvider,
  mockApis,
  renderInTestApp,
} from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { sreControlCenterApiRef } from '../../api';
import { fakeApi, sampleAlert } from '../../__testUtils__';
import { AlertActions } from './AlertActions';

// In its own file: usePermission caches decisions per module registry, so a
// DENY test must not share one with ALLOW tests.
describe('AlertActions without the alert.update permission', () => {
  it('shows the moves but disables them', async () => {
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [sreControlCenterApiRef, fakeApi([sampleAlert])],
          [
            permissionApiRef,
            mockApis.permission({ authorize: AuthorizeResult.DENY }),
          ],
        ]}
      >
        <AlertActions alert={sampleAlert} onChanged={() => {}} />
      </TestApiProvider>,
    );
    expect(
      await screen.findByRole('button', { name: 'Acknowledge' }),
    ).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Close' })).toBeDisabled();
  });

  it('offers nothing for a closed alert', async () => {
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [sreControlCenterApiRef, fakeApi([sampleAlert])],
          [
            permissionApiRef,
            mockApis.permission({ authorize: AuthorizeResult.DENY }),
          ],
        ]}
      >
        <AlertActions
          alert={{ ...sampleAlert, state: 'Closed' }}
          onChanged={() => {}}
        />
      </TestApiProvider>,
    );
    expect(screen.queryByRole('button')).toBeNull();
  });
});
