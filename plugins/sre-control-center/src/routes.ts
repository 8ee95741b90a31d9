import { createRouteRef } from '@backstage/core-plugin-api';

/**
 * Route of the Control Center content on an entity page (legacy frontend system).
 *
 * @public
 */
export const rootRouteRef = createRouteRef({ id: 'sre-control-center' });

/**
 * Route of the operators' page, `/sre-control-center` (legacy frontend system).
 *
 * @public
 */
export const operationsRouteRef = createRouteRef({
  id: 'sre-control-center:operations',
});

/**
 * Route of the `/projects/new` page (legacy frontend system).
 *
 * @public
 */
export const newProjectRouteRef = createRouteRef({
  id: 'sre-control-center:new-project',
});
