import { discoveryApiRef, fetchApiRef } from '@backstage/core-plugin-api';
import {
  ApiBlueprint,
  createFrontendPlugin,
} from '@backstage/frontend-plugin-api';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import SpeedIcon from '@material-ui/icons/Speed';
import { SreControlCenterClient, sreControlCenterApiRef } from './api';

const sreControlCenterApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: sreControlCenterApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new SreControlCenterClient(deps),
    }),
});

/**
 * The "Control Center" tab on System (project) entity pages.
 *
 * @alpha
 */
export const controlCenterEntityContent = EntityContentBlueprint.make({
  name: 'control-center',
  params: {
    path: 'control-center',
    title: 'Control Center',
    filter: { kind: 'system' },
    loader: () =>
      import('./components/ControlCenterContent').then(m => (
        <m.ControlCenterContent />
      )),
  },
});

/**
 * SRE Control Center for apps on the new frontend system.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'sre-control-center',
  title: 'SRE Control Center',
  icon: <SpeedIcon />,
  info: { packageJson: () => import('../package.json') },
  extensions: [sreControlCenterApi, controlCenterEntityContent],
});
