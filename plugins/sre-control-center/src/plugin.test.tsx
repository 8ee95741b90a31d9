import { EntityProvider } from '@backstage/plugin-catalog-react';
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
import { fakeApi, mindfulMomentsSystem, sampleAlert } from './testing';

describe('legacy plugin (core-plugin-api)', () => {
  it('registers its id and API factory', () => {
    expect(sreControlCenterPlugin.getId()).toBe('sre-control-center');
    const apiIds = [...sreControlCenterPlugin.getApis()].map(f => f.api.id);
    expect(apiIds).toEqual(['plugin.sre-control-center.client']);
  });

  it('renders the empty state for a System without alerts', async () => {
    const api = fakeApi();
    await renderInTestApp(
      <TestApiProvider apis={[[sreControlCenterApiRef, api]]}>
        <EntityProvider entity={mindfulMomentsSystem}>
          {/* As on a legacy entity page: the routable extension sits under a path. */}
          <Routes>
            <Route path="/*" element={<EntityControlCenterContent />} />
          </Routes>
        </EntityProvider>
      </TestApiProvider>,
    );
    expect(
      await screen.findByText(/No alerts for this project/),
    ).toBeInTheDocument();
    expect(screen.getByText('rg-mindful-moments-dev')).toBeInTheDocument();
    expect(api.requests).toEqual(
      expect.arrayContaining([
        { entityRef: 'system:default/mindful-moments', limit: 50 },
        { costs: 'system:default/mindful-moments' },
      ]),
    );
  });

  it('lists alerts when there are some', async () => {
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [sreControlCenterApiRef, fakeApi([sampleAlert])],
          [permissionApiRef, mockApis.permission()],
        ]}
      >
        <EntityProvider entity={mindfulMomentsSystem}>
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
    expect(screen.getByText('Sev2')).toBeInTheDocument();
  });
});
