import type { UserInfoService } from '@backstage/backend-plugin-api';
import { mockCredentials } from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import type { PolicyQueryUser } from '@backstage/plugin-permission-node';
import {
  alertUpdatePermission,
  deliveryReadPermission,
  maintenanceManagePermission,
  runbookApprovePermission,
} from '@sre-control-center/plugin-sre-control-center-common';
import { SreControlCenterPermissionPolicy } from './SreControlCenterPolicy';

const ownershipByUser: Record<string, string[]> = {
  'user:default/alex': ['user:default/alex', 'group:default/sre-owners'],
  'user:default/sam': [
    'user:default/sam',
    'group:default/mindful-moments-team',
  ],
  'user:default/ops': ['user:default/ops', 'group:default/platform-ops'],
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

function user(ref: string): PolicyQueryUser {
  return {
    credentials: mockCredentials.user(ref),
    info: { userEntityRef: ref, ownershipEntityRefs: ownershipByUser[ref] },
  };
}

describe('SreControlCenterPermissionPolicy', () => {
  const policy = new SreControlCenterPermissionPolicy({
    approvers: ['group:default/SRE-owners'],
    operators: ['group:default/platform-ops'],
    userInfo,
  });

  it('lets configured approvers approve for every System', async () => {
    const decision = await policy.handle(
      { permission: runbookApprovePermission },
      user('user:default/alex'),
    );
    expect(decision).toEqual({ result: AuthorizeResult.ALLOW });
  });

  it('lets anyone else approve only where the catalog says they own the System', async () => {
    const decision = await policy.handle(
      { permission: runbookApprovePermission },
      user('user:default/sam'),
    );
    expect(decision).toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'catalog',
      resourceType: 'catalog-entity',
      conditions: {
        rule: 'IS_ENTITY_OWNER',
        resourceType: 'catalog-entity',
        params: {
          claims: ['user:default/sam', 'group:default/mindful-moments-team'],
        },
      },
    });
    // Operators operate, but do not approve.
    expect(
      (
        await policy.handle(
          { permission: runbookApprovePermission },
          user('user:default/ops'),
        )
      ).result,
    ).toBe(AuthorizeResult.CONDITIONAL);
  });

  it('lets operators operate every System, and owners their own', async () => {
    for (const permission of [
      alertUpdatePermission,
      maintenanceManagePermission,
    ]) {
      expect(
        (await policy.handle({ permission }, user('user:default/ops'))).result,
      ).toBe(AuthorizeResult.ALLOW);
      expect(
        (await policy.handle({ permission }, user('user:default/sam'))).result,
      ).toBe(AuthorizeResult.CONDITIONAL);
    }
  });

  it('shows the operators’ page to operators and approvers only', async () => {
    const decide = async (ref: string) =>
      (await policy.handle({ permission: deliveryReadPermission }, user(ref)))
        .result;
    expect(await decide('user:default/ops')).toBe(AuthorizeResult.ALLOW);
    expect(await decide('user:default/alex')).toBe(AuthorizeResult.ALLOW);
    expect(await decide('user:default/sam')).toBe(AuthorizeResult.DENY);
  });

  it('denies anonymous callers and leaves other plugins’ permissions to the fallback', async () => {
    expect(
      (await policy.handle({ permission: alertUpdatePermission })).result,
    ).toBe(AuthorizeResult.DENY);
    const other = createPermission({
      name: 'catalog.entity.read',
      attributes: { action: 'read' },
    });
    expect(
      (await policy.handle({ permission: other }, user('user:default/sam')))
        .result,
    ).toBe(AuthorizeResult.ALLOW);
    const strict = new SreControlCenterPermissionPolicy({
      approvers: [],
      operators: [],
      userInfo,
      fallback: { handle: async () => ({ result: AuthorizeResult.DENY }) },
    });
    expect(
      (await strict.handle({ permission: other }, user('user:default/sam')))
        .result,
    ).toBe(AuthorizeResult.DENY);
  });
});
