import type {
  BackstageCredentials,
  BackstageUserPrincipal,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  AuthorizeResult,
  type BasicPermission,
} from '@backstage/plugin-permission-common';
import type { SystemPermission } from '@sre-control-center/plugin-sre-control-center-common';
import type express from 'express';

/** Whether the credentials are a signed-in user's. */
export function isUser(
  credentials: BackstageCredentials,
): credentials is BackstageCredentials<BackstageUserPrincipal> {
  return (credentials.principal as { type?: string }).type === 'user';
}

/** How long "this user may see this System" is reused: one page load asks many times. */
const VISIBILITY_TTL_MS = 10_000;
const MAX_CACHED = 5_000;

/**
 * Who may see and change what, per System:
 *
 * - Reads accept users and service principals; a user must be able to read
 *   the System in the catalog (the catalog's own permission policy decides),
 *   or the answer is a 404, as if the System did not exist.
 * - Changes need a signed-in user holding the Control Center permission on
 *   the System (a resource permission on the catalog entity, so a policy can
 *   use the catalog's conditional rules): 401 without a user, 404 when they
 *   cannot see the System, 403 naming what they may not do.
 */
export class SystemAccess {
  private readonly visible = new Map<string, number>();

  constructor(
    private readonly options: {
      httpAuth: HttpAuthService;
      permissions: PermissionsService;
      catalog: CatalogService;
      now?: () => number;
    },
  ) {}

  /** The caller, who may read the System. */
  async reader(
    req: express.Request,
    entityRef: string,
  ): Promise<BackstageCredentials> {
    const credentials = await this.options.httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    await this.mustSee(credentials, entityRef);
    return credentials;
  }

  /** The signed-in user (401 without one, 403 for a service): changes are people's. */
  async signedInUser(
    req: express.Request,
  ): Promise<BackstageCredentials<BackstageUserPrincipal>> {
    return this.options.httpAuth.credentials(req, { allow: ['user'] });
  }

  /** The signed-in user, who may read the System and holds the permission on it. */
  async user(
    req: express.Request,
    permission: SystemPermission,
    entityRef: string,
    what: string,
  ): Promise<BackstageCredentials<BackstageUserPrincipal>> {
    const credentials = await this.options.httpAuth.credentials(req, {
      allow: ['user'],
    });
    await this.mustSee(credentials, entityRef);
    if (!(await this.allowed(credentials, permission, entityRef))) {
      throw new NotAllowedError(
        `You may not ${what} of ${entityRef} (${permission.name})`,
      );
    }
    return credentials;
  }

  /** The signed-in user, holding a permission that is not about one System. */
  async userWith(
    req: express.Request,
    permission: BasicPermission,
    what: string,
  ): Promise<BackstageCredentials<BackstageUserPrincipal>> {
    const credentials = await this.options.httpAuth.credentials(req, {
      allow: ['user'],
    });
    const [decision] = await this.options.permissions.authorize(
      [{ permission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(`You may not ${what} (${permission.name})`);
    }
    return credentials;
  }

  /** Whether the caller holds the permission on the System (e.g. to say so in a list). */
  async allowed(
    credentials: BackstageCredentials,
    permission: SystemPermission,
    entityRef: string,
  ): Promise<boolean> {
    if (!isUser(credentials)) return false;
    const [decision] = await this.options.permissions.authorize(
      [{ permission, resourceRef: entityRef }],
      { credentials },
    );
    return decision.result === AuthorizeResult.ALLOW;
  }

  /** Whether the caller may see the System; services may see every System. */
  async canSee(
    credentials: BackstageCredentials,
    entityRef: string,
  ): Promise<boolean> {
    if (!isUser(credentials)) return true;
    const key = `${credentials.principal.userEntityRef} ${entityRef}`;
    const now = this.options.now?.() ?? Date.now();
    const until = this.visible.get(key);
    if (until !== undefined && until > now) return true;
    const entity = await this.options.catalog.getEntityByRef(entityRef, {
      credentials,
    });
    if (!entity) return false;
    if (this.visible.size >= MAX_CACHED) this.visible.clear();
    this.visible.set(key, now + VISIBILITY_TTL_MS);
    return true;
  }

  private async mustSee(credentials: BackstageCredentials, entityRef: string) {
    if (!(await this.canSee(credentials, entityRef))) {
      throw new NotFoundError(`No System ${entityRef}`);
    }
  }
}
