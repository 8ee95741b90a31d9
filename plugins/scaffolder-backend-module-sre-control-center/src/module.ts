import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { ScmIntegrations } from '@backstage/integration';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createGithubProjectAction } from './actions/githubProject';
import { createPlanAction } from './actions/plan';

/**
 * Scaffolder module: `sre-control-center:plan` and
 * `sre-control-center:github:project`, the actions behind `/projects/new`
 * (template `template:default/new-project`).
 *
 * @public
 */
export const scaffolderModuleSreControlCenter = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'sre-control-center',
  register(reg) {
    reg.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
      },
      async init({ scaffolder, config }) {
        const integrations = ScmIntegrations.fromConfig(config);
        scaffolder.addActions(
          createPlanAction(),
          createGithubProjectAction({ integrations }),
        );
      },
    });
  },
});
