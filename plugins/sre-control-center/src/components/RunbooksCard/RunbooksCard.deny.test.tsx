import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  TestApiProvider,
  mockApis,
  renderInTestApp,
} from '@backstage/test-utils';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { sreControlCenterApiRef } from '../../api';
import { fakeApi, scaleRunbook } from '../../__testUtils__';
import { RunbooksCard } from './RunbooksCard';

// In its own file: usePermission caches decisions per module registry, so a
// DENY test must not share one with ALLOW tests.
describe('RunbooksCard without the runbook.run permission', () => {
  it('shows the Run button disabled and says why', async () => {
    const api = fakeApi();
    api.runbookState.runbooks = [scaleRunbook];
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
        <RunbooksCard entityRef="system:default/mindful-moments" />
      </TestApiProvider>,
    );
    const name = 'Run Scale App Service plan B1 to B2';
    // Disabled while the permission loads too: wait for the denied look.
    await waitFor(() =>
      expect(screen.getByRole('button', { name }).parentElement!.tagName).toBe(
        'SPAN',
      ),
    );
    const run = screen.getByRole('button', { name });
    expect(run).toBeDisabled();
    await userEvent.hover(run.parentElement!);
    expect(await screen.findByRole('tooltip')).toHaveTextContent(
      'You need the sre-control-center.runbook.run permission',
    );
  });
});
