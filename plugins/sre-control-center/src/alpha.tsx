import { discoveryApiRef, fetchApiRef } from '@backstage/core-plugin-api';
import {
  ApiBlueprint,
  PageBlueprint,
  createFrontendPlugin,
  createRouteRef,
} from '@backstage/frontend-plugin-api';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { SreControlCenterClient, sreControlCenterApiRef } from './api';

const sreControlCenterApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: sreControlCenterApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new SreControlCenterClient(deps),
    }),
});

/** The "Control Center" tab on System (project) entity pages. */
export const controlCenterEntityContent = EntityContentBlueprint.make({
  name: 'control-center',
  params: {
    path: 'control-center',
    title: 'Control Center',
    filter: { kind: 'system' },
    loader: () =>
      import('./components/ControlCenterContent').then(m => (
        <m.ControlCenterContent />
      )),
  },
});

/** Route of `/projects/new`; a page needs one to be a sidebar item. */
export const newProjectRouteRef = createRouteRef();

/** `/projects/new`: from a project's requirements to a planned GitHub project. */
export const newProjectPage = PageBlueprint.make({
  name: 'new-project',
  params: {
    path: '/projects/new',
    routeRef: newProjectRouteRef,
    title: 'New project',
    icon: <span aria-hidden>＋</span>,
    noHeader: true,
    loader: () =>
      import('./components/NewProjectPage').then(m => <m.NewProjectPage />),
  },
});

/** SRE Control Center for apps on the new frontend system. */
export default createFrontendPlugin({
  pluginId: 'sre-control-center',
  routes: { newProject: newProjectRouteRef },
  extensions: [sreControlCenterApi, controlCenterEntityContent, newProjectPage],
});
