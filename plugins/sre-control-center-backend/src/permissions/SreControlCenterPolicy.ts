import type { UserInfoService } from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  isPermission,
  type ConditionalPolicyDecision,
  type Permission,
  type PolicyDecision,
} from '@backstage/plugin-permission-common';
import type {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import {
  alertUpdatePermission,
  CATALOG_ENTITY_RESOURCE_TYPE,
  deliveryManagePermission,
  deliveryReadPermission,
  issueCreatePermission,
  maintenanceManagePermission,
  runbookApprovePermission,
  runbookRunPermission,
} from '@sre-control-center/plugin-sre-control-center-common';

/**
 * Who may do what in the Control Center, beyond the owners of each System.
 *
 * @public
 */
export interface SreControlCenterPolicyOptions {
  /** Users or groups (entity refs) who may approve runs of every System, besides its owners. */
  approvers: string[];
  /**
   * Users or groups who may operate every System (acknowledge and close
   * alerts, request runs, start maintenance, open issues) and see the
   * operators' page (unrouted alerts, failed deliveries).
   */
  operators: string[];
  /** Resolves a user's ownership refs (user + groups) from their credentials. */
  userInfo: UserInfoService;
}

const ALLOW: PolicyDecision = { result: AuthorizeResult.ALLOW };
const DENY: PolicyDecision = { result: AuthorizeResult.DENY };

/** Changes to a System that its owners and the operators may make. */
const OPERATE: Permission[] = [
  alertUpdatePermission,
  runbookRunPermission,
  maintenanceManagePermission,
  issueCreatePermission,
];

/**
 * "The user owns the System": the catalog's own `IS_ENTITY_OWNER` rule,
 * evaluated by the catalog against the System the request names (the same
 * condition `catalogConditions.isEntityOwner` of
 * `@backstage/plugin-catalog-backend/alpha` builds, without the dependency).
 *
 * @public
 */
export function ownsSystem(
  ownershipEntityRefs: string[],
): ConditionalPolicyDecision {
  return {
    result: AuthorizeResult.CONDITIONAL,
    pluginId: 'catalog',
    resourceType: CATALOG_ENTITY_RESOURCE_TYPE,
    conditions: {
      rule: 'IS_ENTITY_OWNER',
      resourceType: CATALOG_ENTITY_RESOURCE_TYPE,
      params: { claims: ownershipEntityRefs },
    },
  };
}

/**
 * The Control Center's rules, for an app to compose into its own policy:
 * the decision for one of this plugin's permissions, or undefined for any
 * other permission (the app's policy decides those).
 *
 * - approve a run: the System's owners, and the configured approvers (the
 *   project plan's "approval_roles: Owner"); never anyone else, whatever the
 *   rest of the app's policy allows;
 * - acknowledge/close alerts, request runs, maintenance, open issues: the
 *   System's owners and the configured operators;
 * - the operators' page (unrouted alerts, failed deliveries): operators and
 *   approvers.
 *
 * Reads follow catalog read access: a user who cannot see a System sees none
 * of its Control Center (the plugin checks that itself).
 *
 * @public
 */
export async function sreControlCenterDecision(
  request: PolicyQuery,
  user: PolicyQueryUser | undefined,
  options: SreControlCenterPolicyOptions,
): Promise<PolicyDecision | undefined> {
  const { permission } = request;
  const ours =
    isPermission(permission, runbookApprovePermission) ||
    OPERATE.some(p => isPermission(permission, p)) ||
    isPermission(permission, deliveryReadPermission) ||
    isPermission(permission, deliveryManagePermission);
  if (!ours) return undefined;
  if (!user) return DENY;
  const { ownershipEntityRefs } = await options.userInfo.getUserInfo(
    user.credentials,
  );
  const refs = ownershipEntityRefs.map(ref => ref.toLocaleLowerCase('en-US'));
  const memberOf = (list: string[]) =>
    list.some(ref => refs.includes(ref.toLocaleLowerCase('en-US')));

  if (
    isPermission(permission, deliveryReadPermission) ||
    isPermission(permission, deliveryManagePermission)
  ) {
    return memberOf(options.operators) || memberOf(options.approvers)
      ? ALLOW
      : DENY;
  }
  const elevated = isPermission(permission, runbookApprovePermission)
    ? options.approvers
    : options.operators;
  return memberOf(elevated) ? ALLOW : ownsSystem(refs);
}

/**
 * A complete policy: the Control Center's rules for its permissions, and
 * `fallback` (Backstage's allow-all by default) for everything else.
 *
 * @public
 */
export class SreControlCenterPermissionPolicy implements PermissionPolicy {
  constructor(
    private readonly options: SreControlCenterPolicyOptions & {
      fallback?: PermissionPolicy;
    },
  ) {}

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const decision = await sreControlCenterDecision(
      request,
      user,
      this.options,
    );
    if (decision) return decision;
    return this.options.fallback
      ? this.options.fallback.handle(request, user)
      : ALLOW;
  }
}
