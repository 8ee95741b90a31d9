import { InputError } from '@backstage/errors';
import {
  DefaultGithubCredentialsProvider,
  GithubCredentialsProvider,
  ScmIntegrationRegistry,
} from '@backstage/integration';
import { Octokit } from 'octokit';

export interface OctokitFactoryOptions {
  integrations: ScmIntegrationRegistry;
  credentialsProvider?: GithubCredentialsProvider;
}

/**
 * An octokit for one repository with the credentials `integrations.github`
 * gives for it (a GitHub App installation token or a token), against the
 * integration's `apiBaseUrl` (the local emulator in development).
 */
export async function createOctokit(
  options: OctokitFactoryOptions,
  target: { host: string; owner: string; repo: string },
): Promise<{ octokit: Octokit; calls: () => number }> {
  const integration = options.integrations.github.byHost(target.host);
  if (!integration)
    throw new InputError(
      `No integrations.github entry for ${target.host}: add one with a GitHub App or token`,
    );
  const provider =
    options.credentialsProvider ??
    DefaultGithubCredentialsProvider.fromIntegrations(options.integrations);
  const { token } = await provider.getCredentials({
    url: `https://${target.host}/${encodeURIComponent(
      target.owner,
    )}/${encodeURIComponent(target.repo)}`,
  });
  if (!token)
    throw new InputError(
      `No GitHub credentials for ${target.owner} on ${target.host}: install the GitHub App on that owner or configure a token`,
    );
  const baseUrl = integration.config.apiBaseUrl ?? 'https://api.github.com';
  const local = baseUrl.startsWith('http://');
  let calls = 0;
  const octokit = new Octokit({
    auth: token,
    baseUrl,
    // GitHub asks for a pause between content-creating requests (secondary
    // rate limits); octokit's throttling does that. A local emulator has none.
    throttle: {
      enabled: !local,
      onRateLimit: (
        _after: number,
        _opts: object,
        _o: unknown,
        retryCount: number,
      ) => retryCount < 2,
      onSecondaryRateLimit: (
        _after: number,
        _opts: object,
        _o: unknown,
        retryCount: number,
      ) => retryCount < 2,
    },
  });
  octokit.hook.before('request', () => {
    calls++;
  });
  return { octokit, calls: () => calls };
}
