import { ConfigReader } from '@backstage/config';
import { loadConfig } from '@backstage/config-loader';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');

/** What the production start command loads: app-config.yaml, then app-config.production.yaml. */
async function productionConfig(env: Record<string, string>) {
  const { appConfigs } = await loadConfig({
    configRoot: ROOT,
    configTargets: [
      { path: path.join(ROOT, 'app-config.yaml') },
      { path: path.join(ROOT, 'app-config.production.yaml') },
    ],
    // Only what the operator sets; nothing from this machine's environment.
    experimentalEnvFunc: async name => env[name],
  });
  return ConfigReader.fromConfigs(appConfigs);
}

/** Every string in the configuration, with its key. */
function strings(value: unknown, at = ''): Array<[string, string]> {
  if (typeof value === 'string') return [[at, value]];
  if (Array.isArray(value))
    return value.flatMap((v, i) => strings(v, `${at}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) =>
      strings(v, at ? `${at}.${k}` : k),
    );
  }
  return [];
}

describe('the production configuration', () => {
  it('has no guest sign-in, no emulator, no local database and no development token', async () => {
    const config = await productionConfig({
      APP_BASE_URL: 'https://portal.example.com',
      BACKEND_BASE_URL: 'https://portal.example.com',
      POSTGRES_HOST: 'psql-portal.postgres.database.azure.com',
      POSTGRES_PORT: '5432',
      POSTGRES_USER: 'backstage',
      POSTGRES_PASSWORD: 'from-key-vault',
    });
    const data = config.get() as Record<string, unknown>;
    expect(config.getOptional('auth.providers.guest')).toBeUndefined();
    expect(config.getStringArray('app.signIn.providers')).toEqual([
      'microsoft',
    ]);
    expect(config.getString('auth.environment')).toBe('production');
    expect(config.getOptionalConfig('auth.providers.microsoft')).toBeDefined();
    expect(config.getString('backend.database.client')).toBe('pg');
    expect(
      config.getOptional('sreControlCenter.azure.endpoint'),
    ).toBeUndefined();
    // Unset in this environment: no token is made up for it.
    expect(config.getOptional('sreControlCenter.webhookToken')).toBeUndefined();
    expect(
      config.getOptional('sreControlCenter.postgresServers'),
    ).toBeUndefined();
    expect(
      config.getBoolean('sreControlCenter.approvals.distinctApprover'),
    ).toBe(true);
    // The emulator's phone accounts are local only.
    expect(
      config.getOptional('sreControlCenter.escalation.phone'),
    ).toBeUndefined();
    const local = strings(data).filter(([, v]) =>
      /localhost|127\.0\.0\.1|emulator|sqlite|postgresql:\/\/root@/i.test(v),
    );
    expect(local).toEqual([]);
  });

  it('takes the webhook token and the secrets from the environment only', async () => {
    const config = await productionConfig({
      APP_BASE_URL: 'https://portal.example.com',
      BACKEND_BASE_URL: 'https://portal.example.com',
      SRE_CC_WEBHOOK_TOKEN: 'set-by-the-operator-0123456789',
    });
    expect(config.getString('sreControlCenter.webhookToken')).toBe(
      'set-by-the-operator-0123456789',
    );
  });

  it('has GitHub as a GitHub App and no development webhook secret', async () => {
    const unset = await productionConfig({
      APP_BASE_URL: 'https://portal.example.com',
      BACKEND_BASE_URL: 'https://portal.example.com',
    });
    expect(
      unset.getOptional('sreControlCenter.github.webhookSecret'),
    ).toBeUndefined();
    const [github] = unset.getConfigArray('integrations.github');
    expect(github.getString('host')).toBe('github.com');
    expect(github.getOptional('token')).toBeUndefined();
    expect(github.getOptional('apiBaseUrl')).toBeUndefined();
    const set = await productionConfig({
      APP_BASE_URL: 'https://portal.example.com',
      BACKEND_BASE_URL: 'https://portal.example.com',
      SRE_CC_GITHUB_WEBHOOK_SECRET: 'from-key-vault-0123456789abcdef',
    });
    expect(set.getString('sreControlCenter.github.webhookSecret')).toBe(
      'from-key-vault-0123456789abcdef',
    );
  });
});
