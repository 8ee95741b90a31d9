import { ConfigSources } from '@backstage/config-loader';
import fs from 'node:fs';
import path from 'node:path';
import { readSreControlCenterConfig } from '../config';

// The repository's own app-config.yaml, loaded the way the backend loads it:
// its `sreControlCenter.runbooks` come from the SRE agent's runbook file
// (terraform/sre-agent/runbooks.yaml) through `$include`, and must pass the
// backend's validation.
const ROOT = path.resolve(__dirname, '../../../..');

async function loadRootConfig() {
  const source = ConfigSources.defaultForTargets({
    rootDir: ROOT,
    targets: [{ type: 'path', target: path.join(ROOT, 'app-config.yaml') }],
    // Only the defaults in the file (`${VAR:-default}`), not this machine's environment.
    substitutionFunc: async () => undefined,
  });
  const config = await ConfigSources.toConfig(source);
  config.close();
  return config;
}

describe('the root app-config.yaml', () => {
  it('includes the four runbooks of terraform/sre-agent/runbooks.yaml, and the backend accepts them', async () => {
    const config = await loadRootConfig();
    const settings = readSreControlCenterConfig(config);
    expect(settings.runbooks.map(runbook => runbook.name)).toEqual([
      'Restart App Service on High Response Time',
      'Scale App Service plan B1 to B2',
      'End idle PostgreSQL sessions',
      'Roll back the last deployment',
    ]);
    const [restart, scale, idleSessions, rollback] = settings.runbooks;
    expect(restart.trigger).toEqual({ alert: 'alert-high-response-time' });
    expect(restart.actions).toEqual([
      {
        type: 'restart',
        resource: 'app-mindful-moments-dev',
        approval_required: false,
      },
    ]);
    expect(restart.cooldown_minutes).toBe(15);
    expect(scale.trigger).toEqual({ alert: 'alert-high-cpu' });
    expect(scale.actions[0]).toMatchObject({
      type: 'scale',
      target_sku: 'B2',
      approval_required: true,
    });
    expect(idleSessions.trigger).toEqual({
      alert: 'alert-db-connection-failures',
    });
    expect(idleSessions.actions[0]).toMatchObject({
      type: 'execute_query',
      resource: 'psql-mindful-moments-dev',
      approval_required: true,
    });
    expect(rollback.trigger).toBeUndefined();
    expect(rollback.actions[0]).toMatchObject({
      type: 'rollback',
      slot: 'staging',
    });
  });

  it('takes them from the file, not from a copy in app-config.yaml', async () => {
    const config = await loadRootConfig();
    expect(config.getConfigArray('sreControlCenter.runbooks')).toHaveLength(4);
    const appConfig = fs.readFileSync(
      path.join(ROOT, 'app-config.yaml'),
      'utf8',
    );
    expect(appConfig).toContain(
      '$include: ./terraform/sre-agent/runbooks.yaml#runbooks',
    );
    expect(appConfig).not.toContain(
      'Restart App Service on High Response Time',
    );
  });
});
