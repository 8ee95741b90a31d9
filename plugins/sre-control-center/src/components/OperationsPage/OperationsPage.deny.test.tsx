import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { mockApis } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import {
  FIRST_RENDER,
  fakeApi,
  renderOperationsPage,
} from '../../__testUtils__';

describe('OperationsPage without the delivery permissions', () => {
  it('lets only operators see the lists', async () => {
    const api = fakeApi();
    await renderOperationsPage(
      api,
      mockApis.permission({ authorize: AuthorizeResult.DENY }),
    );
    expect(
      await screen.findByText(/Operators only/, undefined, FIRST_RENDER),
    ).toBeInTheDocument();
    expect(api.requests).toEqual([]);
  });
});
