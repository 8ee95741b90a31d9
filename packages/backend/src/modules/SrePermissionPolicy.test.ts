import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import type { UserInfoService } from '@backstage/backend-plugin-api';
import { mockCredentials } from '@backstage/backend-test-utils';
import type { PolicyQueryUser } from '@backstage/plugin-permission-node';
import {
  alertUpdatePermission,
  runbookApprovePermission,
} from '@sre-control-center/plugin-sre-control-center-common';
import { SrePermissionPolicy } from './SrePermissionPolicy';

/** A user whose ownership refs come from the (mock) user info service, as in the backend. */
function userWith(...ownershipEntityRefs: string[]): PolicyQueryUser {
  const userEntityRef = ownershipEntityRefs[0];
  return {
    credentials: mockCredentials.user(userEntityRef),
    info: { userEntityRef, ownershipEntityRefs },
  };
}

const ownershipByUser: Record<string, string[]> = {
  'user:default/alex': ['user:default/alex', 'group:default/sre-owners'],
  'user:default/sam': [
    'user:default/sam',
    'group:default/mindful-moments-team',
  ],
};
const userInfo: UserInfoService = {
  async getUserInfo(credentials) {
    const ref = (credentials.principal as { userEntityRef: string })
      .userEntityRef;
    return {
      userEntityRef: ref,
      ownershipEntityRefs: ownershipByUser[ref] ?? [ref],
    };
  },
};

describe('SrePermissionPolicy', () => {
  const policy = new SrePermissionPolicy({
    approvers: ['group:default/SRE-owners'],
    userInfo,
  });

  it('lets members of an approver group approve runs', async () => {
    const decision = await policy.handle(
      { permission: runbookApprovePermission },
      userWith('user:default/alex'),
    );
    expect(decision.result).toBe(AuthorizeResult.ALLOW);
  });

  it('denies approval to everyone else', async () => {
    expect(
      (
        await policy.handle(
          { permission: runbookApprovePermission },
          userWith('user:default/sam'),
        )
      ).result,
    ).toBe(AuthorizeResult.DENY);
    expect(
      (await policy.handle({ permission: runbookApprovePermission })).result,
    ).toBe(AuthorizeResult.DENY);
  });

  it('needs a user to update alerts', async () => {
    expect(
      (await policy.handle({ permission: alertUpdatePermission })).result,
    ).toBe(AuthorizeResult.DENY);
    expect(
      (
        await policy.handle(
          { permission: alertUpdatePermission },
          userWith('user:default/sam'),
        )
      ).result,
    ).toBe(AuthorizeResult.ALLOW);
  });

  it('leaves other plugins permissions open', async () => {
    const other = createPermission({
      name: 'catalog.entity.read',
      attributes: { action: 'read' },
    });
    expect(
      (await policy.handle({ permission: other }, userWith('user:default/sam')))
        .result,
    ).toBe(AuthorizeResult.ALLOW);
  });
});
