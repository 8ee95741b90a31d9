import {
  configApiRef,
  microsoftAuthApiRef,
  useApi,
} from '@backstage/core-plugin-api';
import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { SignInPageBlueprint } from '@backstage/plugin-app-react';

const microsoft = {
  id: 'microsoft-auth-provider',
  title: 'Microsoft',
  message: 'Sign in with your Microsoft Entra ID account',
  apiRef: microsoftAuthApiRef,
};

/**
 * The sign-in page offers what `app.signIn.providers` lists: `guest` locally
 * (app-config.development.yaml), `microsoft` in production
 * (app-config.production.yaml). The backend decides which providers exist;
 * this only decides which buttons the page shows.
 */
const signInPage = SignInPageBlueprint.make({
  params: {
    loader: async () => {
      const { SignInPage } = await import('@backstage/core-components');
      return props => {
        const config = useApi(configApiRef);
        const names = config.getOptionalStringArray('app.signIn.providers') ?? [
          'guest',
        ];
        const providers = names.map(name =>
          name === 'microsoft' ? microsoft : ('guest' as const),
        );
        return <SignInPage {...props} providers={providers} />;
      };
    },
  },
});

export const signInModule = createFrontendModule({
  pluginId: 'app',
  extensions: [signInPage],
});
