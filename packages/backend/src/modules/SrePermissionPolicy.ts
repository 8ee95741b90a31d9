import type { UserInfoService } from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  isPermission,
  type PolicyDecision,
} from '@backstage/plugin-permission-common';
import type {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import {
  alertUpdatePermission,
  runbookApprovePermission,
  runbookRunPermission,
} from '@sre-control-center/plugin-sre-control-center-common';

export interface SrePermissionPolicyOptions {
  /** Users or groups (entity refs) whose members may approve runbook runs. */
  approvers: string[];
  /** Resolves a user's ownership refs (user + groups) from their credentials. */
  userInfo: UserInfoService;
}

const ALLOW: PolicyDecision = { result: AuthorizeResult.ALLOW };
const DENY: PolicyDecision = { result: AuthorizeResult.DENY };

/**
 * The portal's permission policy.
 *
 * - Approving a runbook run needs membership of a configured approver group
 *   (or being a listed approver user); nobody else, however signed in.
 * - Acknowledging/closing alerts and requesting runs needs a signed-in user.
 * - Everything else (catalog, scaffolder, ...) stays open to signed-in users,
 *   as in Backstage's default setup.
 */
export class SrePermissionPolicy implements PermissionPolicy {
  private readonly approvers: Set<string>;
  private readonly userInfo: UserInfoService;

  constructor(options: SrePermissionPolicyOptions) {
    this.userInfo = options.userInfo;
    this.approvers = new Set(
      options.approvers.map(ref => ref.toLocaleLowerCase('en-US')),
    );
  }

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    if (isPermission(request.permission, runbookApprovePermission)) {
      return (await this.isApprover(user)) ? ALLOW : DENY;
    }
    if (
      isPermission(request.permission, alertUpdatePermission) ||
      isPermission(request.permission, runbookRunPermission)
    ) {
      return user ? ALLOW : DENY;
    }
    return ALLOW;
  }

  private async isApprover(user?: PolicyQueryUser): Promise<boolean> {
    if (!user) return false;
    const { ownershipEntityRefs } = await this.userInfo.getUserInfo(
      user.credentials,
    );
    return ownershipEntityRefs.some(ref =>
      this.approvers.has(ref.toLocaleLowerCase('en-US')),
    );
  }
}
