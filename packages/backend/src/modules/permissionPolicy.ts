import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { SrePermissionPolicy } from './SrePermissionPolicy';

/** Installs {@link SrePermissionPolicy}, with approvers from `sreControlCenter.approvals`. */
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
        const approvers =
          config.getOptionalStringArray(
            'sreControlCenter.approvals.approvers',
          ) ?? [];
        policy.setPolicy(new SrePermissionPolicy({ approvers, userInfo }));
      },
    });
  },
});
