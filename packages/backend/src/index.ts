import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));
backend.add(import('@backstage/plugin-proxy-backend'));

// Scaffolder: `/projects/new` starts projects through it.
backend.add(import('@backstage/plugin-scaffolder-backend'));
// Its actions for /projects/new (template:default/new-project).
backend.add(
  import(
    '@sre-control-center/plugin-scaffolder-backend-module-sre-control-center'
  ),
);

// Auth: Microsoft Entra ID in production (app-config.production.yaml), guest
// sign-in locally (app-config.development.yaml). A provider without config
// is not offered, and the guest provider refuses to run in production.
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-microsoft-provider'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

// Catalog: reads catalog-info.yaml and the demo organisation.
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));
// Users and groups from Microsoft Graph (catalog.providers.microsoftGraphOrg, production).
backend.add(import('@backstage/plugin-catalog-backend-module-msgraph'));
// The stack's Resource entities from its Terraform outputs (sreControlCenter.terraform).
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
