import {
  createExtensionTester,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import { EntityProvider, catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { screen } from '@testing-library/react';
import { coreExtensionData } from '@backstage/frontend-plugin-api';
import plugin, { controlCenterEntityContent, newProjectPage } from './alpha';
import { sreControlCenterApiRef } from './api';
import { fakeApi, mindfulMomentsSystem } from './__testUtils__';

describe('new frontend system plugin (alpha)', () => {
  it('is the sre-control-center plugin', () => {
    expect(plugin.pluginId).toBe('sre-control-center');
  });

  it('adds the /projects/new page with a sidebar title', () => {
    const tester = createExtensionTester(newProjectPage);
    expect(tester.get(coreExtensionData.routePath)).toBe('/projects/new');
    expect(tester.get(coreExtensionData.title)).toBe('New project');
  });

  it('adds a Control Center tab for System entities only', () => {
    const tester = createExtensionTester(controlCenterEntityContent);
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe(
      'Control Center',
    );
    const appliesTo = tester.get(
      EntityContentBlueprint.dataRefs.filterFunction,
    );
    expect(appliesTo).toBeDefined();
    expect(appliesTo!(mindfulMomentsSystem)).toBe(true);
    expect(appliesTo!({ ...mindfulMomentsSystem, kind: 'Component' })).toBe(
      false,
    );
  });

  it('renders the tab content against the API', async () => {
    const api = fakeApi();
    const tester = createExtensionTester(controlCenterEntityContent);
    await renderInTestApp(
      <EntityProvider entity={mindfulMomentsSystem}>
        {tester.reactElement()}
      </EntityProvider>,
      {
        apis: [
          [sreControlCenterApiRef, api],
          [catalogApiRef, catalogApiMock()],
        ],
      },
    );
    expect(
      await screen.findByText(/No alerts for this project/),
    ).toBeInTheDocument();
    expect(screen.getByText('Azure stack')).toBeInTheDocument();
  });
});
