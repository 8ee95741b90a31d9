import {
  createApiFactory,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { SreControlCenterClient, sreControlCenterApiRef } from './api';
import { newProjectRouteRef, operationsRouteRef, rootRouteRef } from './routes';

/**
 * The plugin for apps on the legacy frontend system (`@backstage/core-plugin-api`).
 * Apps on the new frontend system use `@sre-control-center/plugin-sre-control-center/alpha`.
 *
 * @public
 */
export const sreControlCenterPlugin = createPlugin({
  id: 'sre-control-center',
  apis: [
    createApiFactory({
      api: sreControlCenterApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new SreControlCenterClient(deps),
    }),
  ],
  routes: {
    root: rootRouteRef,
    operations: operationsRouteRef,
    newProject: newProjectRouteRef,
  },
});

/**
 * Entity page content for System entities, e.g.
 * `<EntityLayout.Route path="/control-center" title="Control Center"><EntityControlCenterContent /></EntityLayout.Route>`.
 *
 * @public
 */
export const EntityControlCenterContent = sreControlCenterPlugin.provide(
  createRoutableExtension({
    name: 'EntityControlCenterContent',
    component: () =>
      import('./components/ControlCenterContent').then(
        m => m.ControlCenterContent,
      ),
    mountPoint: rootRouteRef,
  }),
);

/**
 * The operators' page: unrouted alerts and failed or pending webhook
 * deliveries, e.g. `<Route path="/sre-control-center" element={<SreControlCenterPage />} />`.
 *
 * @public
 */
export const SreControlCenterPage = sreControlCenterPlugin.provide(
  createRoutableExtension({
    name: 'SreControlCenterPage',
    component: () =>
      import('./components/OperationsPage').then(m => m.OperationsPage),
    mountPoint: operationsRouteRef,
  }),
);

/**
 * The `/projects/new` page: `<Route path="/projects/new" element={<NewProjectPage />} />`.
 * Needs the scaffolder backend with
 * `@sre-control-center/plugin-scaffolder-backend-module-sre-control-center`
 * and the `template:default/new-project` template in the catalog.
 *
 * @public
 */
export const NewProjectPage = sreControlCenterPlugin.provide(
  createRoutableExtension({
    name: 'NewProjectPage',
    component: () =>
      import('./components/NewProjectPage').then(m => m.NewProjectPage),
    mountPoint: newProjectRouteRef,
  }),
);
