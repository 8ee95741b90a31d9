import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  TestApiProvider,
  mockApis,
  renderInTestApp,
} from '@backstage/test-utils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { sreControlCenterApiRef } from '../../api';
import { fakeApi, sampleAlert, TEST_SYSTEM } from '../../__testUtils__';
import { AlertFeedCard } from '../AlertFeedCard';

jest.setTimeout(20_000);

// usePermission caches decisions for the module registry: DENY lives in its own file.
describe('Open issue without sre-control-center.issue.create', () => {
  it('is disabled', async () => {
    const api = fakeApi([sampleAlert]);
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
        <AlertFeedCard entityRef={TEST_SYSTEM} />
      </TestApiProvider>,
    );
    fireEvent.click(
      await screen.findByRole('button', { name: sampleAlert.name }),
    );
    const drawer = await screen.findByRole('dialog', {
      name: `Alert ${sampleAlert.name}`,
    });
    await waitFor(() =>
      expect(
        within(drawer).getByRole('button', { name: 'Open issue' }),
      ).toBeDisabled(),
    );
    expect(api.requests).not.toContainEqual({ openIssue: sampleAlert.id });
  });
});
