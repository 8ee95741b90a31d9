import type {
  BackstageCredentials,
  BackstageUserPrincipal,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  type BasicPermission,
} from '@backstage/plugin-permission-common';
import type express from 'express';

/** Whether the caller holds the permission. */
export async function isAllowed(
  permissions: PermissionsService,
  credentials: BackstageCredentials,
  permission: BasicPermission,
): Promise<boolean> {
  const [decision] = await permissions.authorize([{ permission }], {
    credentials,
  });
  return decision.result === AuthorizeResult.ALLOW;
}

/**
 * The signed-in user making a state-changing request, if they hold the
 * permission: 401 without a user, 403 naming what they may not do.
 */
export async function requireUserWith(
  services: { httpAuth: HttpAuthService; permissions: PermissionsService },
  req: express.Request,
  permission: BasicPermission,
  what: string,
): Promise<BackstageCredentials<BackstageUserPrincipal>> {
  const credentials = await services.httpAuth.credentials(req, {
    allow: ['user'],
  });
  if (!(await isAllowed(services.permissions, credentials, permission))) {
    throw new NotAllowedError(`You may not ${what} (${permission.name})`);
  }
  return credentials;
}
