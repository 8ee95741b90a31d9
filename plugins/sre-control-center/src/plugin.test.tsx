import {
  EntityProvider,
  catalogApiRef,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  TestApiProvider,
  mockApis,
  renderInTestApp,
} from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { sreControlCenterApiRef } from './api';
import { EntityControlCenterContent, sreControlCenterPlugin } from './plugin';
import {
  fakeApi,
  mindfulMomentsResources,
  mindfulMomentsSystemWithParts,
  sampleAlert,
} from './__testUtils__';

describe('legacy plugin (core-plugin-api)', () => {
  it('registers its id and API factory', () => {
    expect(sreControlCenterPlugin.getId()).toBe('sre-control-center');
    const apiIds = [...sreControlCenterPlugin.getApis()].map(f => f.api.id);
    expect(apiIds).toEqual(['plugin.sre-control-center.client']);
  });

  it('renders the empty state for a System without alerts', async () => {
    const api = fakeApi();
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [sreControlCenterApiRef, api],
          // The maintenance banner asks whether the user may silence alerts.
          [permissionApiRef, mockApis.permission()],
          [
            catalogApiRef,
            catalogApiMock({ entities: mindfulMomentsResources }),
          ],
        ]}
      >
        <EntityProvider entity={mindfulMomentsSystemWithParts}>
          {/* As on a legacy entity page: the routable extension sits under a path. */}
          <Routes>
            <Route path="/*" element={<EntityControlCenterContent />} />
          </Routes>
        </EntityProvider>
      </TestApiProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );
    expect(
      await screen.findByText(/No alerts for this project/),
    ).toBeInTheDocument();
    // The cards below the feed load once its first page is in.
    expect(
      await screen.findByText('rg-mindful-moments-dev'),
    ).toBeInTheDocument();
    // The System's Resources, read from the catalog through its hasPart relations.
    expect(
      await screen.findByText('psql-mindful-moments-dev'),
    ).toBeInTheDocument();
    expect(screen.getByText('azure-app-service')).toBeInTheDocument();
    // The feed's first page (PAGE_SIZE in hooks/useAlerts.ts) is asked for
    // before the cards below it ask for theirs.
    const requests = api.requests as object[];
    const alerts = requests.findIndex(r => 'limit' in r);
    expect(requests[alerts]).toEqual({
      entityRef: 'system:default/mindful-moments',
      limit: 200,
    });
    expect(requests.findIndex(r => 'costs' in r)).toBeGreaterThan(alerts);
  });

  it('lists alerts when there are some', async () => {
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [sreControlCenterApiRef, fakeApi([sampleAlert])],
          [permissionApiRef, mockApis.permission()],
          [catalogApiRef, catalogApiMock()],
        ]}
      >
        <EntityProvider entity={mindfulMomentsSystemWithParts}>
          {/* As on a legacy entity page: the routable extension sits under a path. */}
          <Routes>
            <Route path="/*" element={<EntityControlCenterContent />} />
          </Routes>
        </EntityProvider>
      </TestApiProvider>,
    );
    expect(
      await screen.findByText('alert-high-response-time'),
    ).toBeInTheDocument();
    // In the table: the Severity filter offers Sev2 too.
    expect(screen.getByRole('table', { name: 'Alerts' })).toHaveTextContent(
      'Sev2',
    );
  });
});
