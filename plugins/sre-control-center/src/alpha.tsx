import { discoveryApiRef, fetchApiRef } from '@backstage/core-plugin-api';
import {
  ApiBlueprint,
  PageBlueprint,
  createFrontendPlugin,
  createRouteRef,
} from '@backstage/frontend-plugin-api';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import SpeedIcon from '@material-ui/icons/Speed';
import AddCircleOutlineIcon from '@material-ui/icons/AddCircleOutline';
import { SreControlCenterClient, sreControlCenterApiRef } from './api';

const sreControlCenterApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: sreControlCenterApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new SreControlCenterClient(deps),
    }),
});

/**
 * The "Control Center" tab on System (project) entity pages.
 *
 * @alpha
 */
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

/**
 * Route of the operators' page.
 *
 * @alpha
 */
export const operationsPageRouteRef = createRouteRef();

/**
 * The operators' page at `/sre-control-center` (with a nav item): unrouted
 * alerts and failed or pending webhook deliveries.
 *
 * @alpha
 */
export const operationsPage = PageBlueprint.make({
  params: {
    path: '/sre-control-center',
    title: 'SRE operations',
    icon: <SpeedIcon />,
    routeRef: operationsPageRouteRef,
    loader: () =>
      import('./components/OperationsPage').then(m => <m.OperationsPage />),
  },
});

/**
 * Route of `/projects/new`; a page needs one to be a sidebar item.
 *
 * @alpha
 */
export const newProjectRouteRef = createRouteRef();

/**
 * `/projects/new`: from a project's requirements to a planned GitHub project.
 *
 * @alpha
 */
export const newProjectPage = PageBlueprint.make({
  name: 'new-project',
  params: {
    path: '/projects/new',
    routeRef: newProjectRouteRef,
    title: 'New project',
    icon: <AddCircleOutlineIcon />,
    noHeader: true,
    loader: () =>
      import('./components/NewProjectPage').then(m => <m.NewProjectPage />),
  },
});

/**
 * SRE Control Center for apps on the new frontend system.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'sre-control-center',
  title: 'SRE Control Center',
  icon: <SpeedIcon />,
  info: { packageJson: () => import('../package.json') },
  routes: {
    operations: operationsPageRouteRef,
    newProject: newProjectRouteRef,
  },
  extensions: [
    sreControlCenterApi,
    controlCenterEntityContent,
    operationsPage,
    newProjectPage,
  ],
});
