import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { SreControlCenterPermissionPolicy } from '@sre-control-center/plugin-sre-control-center-backend';

/**
 * This portal's policy: the SRE Control Center's rules (shipped with the
 * plugin) for its permissions, Backstage's allow-all for everything else.
 * Approvers and operators come from `sreControlCenter.approvals.approvers`
 * and `sreControlCenter.permissions.operators`.
 */
export default createBackendModule({
  pluginId: 'permission',
  moduleId: 'sre-control-center-policy',
  register(reg) {
    reg.registerInit({
      deps: {
        policy: policyExtensionPoint,
        config: coreServices.rootConfig,
        userInfo: coreServices.userInfo,
      },
      async init({ policy, config, userInfo }) {
        const list = (key: string) =>
          config.getOptionalStringArray(`sreControlCenter.${key}`) ?? [];
        policy.setPolicy(
          new SreControlCenterPermissionPolicy({
            approvers: list('approvals.approvers'),
            operators: list('permissions.operators'),
            userInfo,
          }),
        );
      },
    });
  },
});
