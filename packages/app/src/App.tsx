import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import sreControlCenterPlugin from '@sre-control-center/plugin-sre-control-center/alpha';
import { navModule } from './modules/nav';
import { signInModule } from './modules/signIn';

// Other frontend plugins in package.json are discovered (app.packages: all).
export default createApp({
  features: [catalogPlugin, sreControlCenterPlugin, navModule, signInModule],
});
