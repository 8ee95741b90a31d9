import { permissionApiRef } from '@backstage/plugin-permission-react';
import { signalApiRef } from '@backstage/plugin-signals-react';
import {
  TestApiProvider,
  mockApis,
  renderInTestApp,
} from '@backstage/test-utils';
import { sreControlCenterApiRef } from '../api';
import { fakeApi } from './fakeApi';
import { fakeSignals } from './fakeSignals';
import { OperationsPage } from '../components/OperationsPage/OperationsPage';

/**
 * Renders the operators' page against the fake API. usePermission caches
 * answers for the whole test file: a file tests one permission setup.
 */
export async function renderOperationsPage(
  api: ReturnType<typeof fakeApi>,
  permission = mockApis.permission(),
  signals = fakeSignals(),
) {
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [sreControlCenterApiRef, api],
        [permissionApiRef, permission],
        [signalApiRef, signals.api],
      ]}
    >
      <OperationsPage />
    </TestApiProvider>,
  );
  return signals;
}
