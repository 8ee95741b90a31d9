import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));
backend.add(import('@backstage/plugin-proxy-backend'));

// Scaffolder: `/projects/new` starts projects through it.
backend.add(import('@backstage/plugin-scaffolder-backend'));

// Auth: guest sign-in for local use (see app-config.yaml).
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

// Catalog: reads catalog-info.yaml and the demo organisation.
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));
backend.add(
  import(
    '@sre-control-center/plugin-catalog-backend-module-sre-control-center'
  ),
);

// Permissions, decided by this portal's own policy.
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(import('./modules/permissionPolicy'));

// Events (PostgreSQL-backed bus across replicas) and signals (push to browsers).
backend.add(import('@backstage/plugin-events-backend'));
backend.add(import('@backstage/plugin-signals-backend'));
backend.add(import('@backstage/plugin-notifications-backend'));

backend.add(import('@backstage/plugin-user-settings-backend'));

// SRE Control Center.
backend.add(import('@sre-control-center/plugin-sre-control-center-backend'));

backend.start();
