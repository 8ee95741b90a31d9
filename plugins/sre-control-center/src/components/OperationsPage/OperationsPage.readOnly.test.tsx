import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { mockApis } from '@backstage/test-utils';
import { deliveryManagePermission } from '@sre-control-center/plugin-sre-control-center-common';
import { screen, waitFor, within } from '@testing-library/react';
import {
  FIRST_RENDER,
  failedDelivery,
  fakeApi,
  renderOperationsPage,
} from '../../__testUtils__';

describe('OperationsPage for an operator who may read but not retry', () => {
  it('shows the deliveries with the Retry button disabled', async () => {
    const api = fakeApi();
    api.operationsState.deliveries = [{ ...failedDelivery }];
    await renderOperationsPage(
      api,
      mockApis.permission({
        authorize: request =>
          request.permission.name === deliveryManagePermission.name
            ? AuthorizeResult.DENY
            : AuthorizeResult.ALLOW,
      }),
    );
    const failed = await screen.findByRole(
      'table',
      { name: 'Failed deliveries' },
      FIRST_RENDER,
    );
    await waitFor(() =>
      expect(
        within(failed).getByRole('button', { name: 'Retry delivery 42' }),
      ).toBeDisabled(),
    );
  });
});
