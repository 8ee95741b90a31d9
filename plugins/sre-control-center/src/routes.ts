import { createRouteRef } from '@backstage/core-plugin-api';

/** Route of the Control Center content on an entity page (legacy frontend system). */
export const rootRouteRef = createRouteRef({ id: 'sre-control-center' });

/** Route of the `/projects/new` page (legacy frontend system). */
export const newProjectRouteRef = createRouteRef({
  id: 'sre-control-center:new-project',
});
