import {
  createExtensionTester,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import { EntityProvider, catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { screen } from '@testing-library/react';
import { coreExtensionData } from '@backstage/frontend-plugin-api';
import plugin, {
  controlCenterEntityContent,
  newProjectPage,
  operationsPage,
} from './alpha';
import { sreControlCenterApiRef } from './api';
import { fakeApi, mindfulMomentsSystem } from './__testUtils__';

describe('new frontend system plugin (alpha)', () => {
  it('is the sre-control-center plugin, with a title and an icon', () => {
    expect(plugin.pluginId).toBe('sre-control-center');
    expect(plugin.title).toBe('SRE Control Center');
    expect(plugin.icon).toBeTruthy();
    // info.packageJson is read by the app it is installed in (plugin.info()).
  });

  it('adds the operators page at /sre-control-center', () => {
    const tester = createExtensionTester(operationsPage);
    expect(tester.get(coreExtensionData.routePath)).toBe('/sre-control-center');
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
    expect(await screen.findByText('Azure stack')).toBeInTheDocument();
  });
});
