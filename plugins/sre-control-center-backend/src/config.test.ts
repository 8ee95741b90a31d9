import type { JsonObject } from '@backstage/config';
import { ConfigReader } from '@backstage/config';
import { readSreControlCenterConfig } from './config';

describe('readSreControlCenterConfig', () => {
  it('fills defaults when the block is missing', () => {
    const config = readSreControlCenterConfig(new ConfigReader({}));
    expect(config.webhookToken).toBeUndefined();
    expect(config.github.agentLogins).toEqual(['azure-sre-agent[bot]']);
    expect(config.approvals).toEqual({
      approvers: [],
      distinctApprover: true,
      pendingExpiryMinutes: 60,
    });
    expect(config.postgresServers).toEqual([]);
    expect(config.runbooks).toEqual([]);
  });

  it('reads a full block', () => {
    const config = readSreControlCenterConfig(
      new ConfigReader({
        sreControlCenter: {
          webhookToken: 'a-long-enough-token',
          azure: { endpoint: 'http://localhost:7010' },
          approvals: { approvers: ['group:default/sre-owners'] },
          runbooks: [
            {
              name: 'Restart App Service on High Response Time',
              trigger: { alert: 'alert-high-response-time' },
              actions: [
                {
                  type: 'restart',
                  resource: 'app-mindful-moments-dev',
                  approval_required: false,
                },
              ],
            },
          ],
        },
      }),
    );
    expect(config.azure.endpoint).toBe('http://localhost:7010');
    expect(config.runbooks[0].actions[0].approval_required).toBe(false);
    expect(config.runbooks[0].cooldown_minutes).toBe(15);
  });

  it('reads the SRE agent runbook shape and names what an action lacks', () => {
    const runbook = (action: Record<string, string>) => () =>
      readSreControlCenterConfig(
        new ConfigReader({
          sreControlCenter: {
            runbooks: [{ name: 'Scale', actions: [action] }],
          },
        }),
      );
    expect(
      runbook({ type: 'scale', resource: 'asp-x', target_sku: 'B2' })()
        .runbooks[0].actions[0],
    ).toEqual({
      type: 'scale',
      resource: 'asp-x',
      target_sku: 'B2',
      approval_required: true,
    });
    expect(runbook({ type: 'scale', resource: 'asp-x' })).toThrow(
      /sreControlCenter\.runbooks\.0\.actions\.0\.target_sku: a scale action needs target_sku/,
    );
    expect(runbook({ type: 'rollback', resource: 'app-x' })).toThrow(
      /actions\.0\.slot: a rollback action needs the slot/,
    );
    expect(runbook({ type: 'reboot', resource: 'app-x' })).toThrow(
      /actions\.0\.type/,
    );
    expect(
      runbook({ type: 'restart', resource: '/subscriptions/x/sites/app' }),
    ).toThrow(/resource: must be a resource name/);
  });

  it('names the bad key', () => {
    expect(() =>
      readSreControlCenterConfig(
        new ConfigReader({
          sreControlCenter: { approvals: { approvers: ['sre-owners'] } },
        }),
      ),
    ).toThrow(
      /sreControlCenter\.approvals\.approvers\.0: must be a full entity ref/,
    );
  });

  it('names unknown keys and short tokens', () => {
    expect(() =>
      readSreControlCenterConfig(
        new ConfigReader({
          sreControlCenter: { webhookToken: 'short', azrue: {} },
        }),
      ),
    ).toThrow(
      /sreControlCenter\.webhookToken: must be at least 16 characters.*sreControlCenter\.azrue/,
    );
  });

  describe('in production', () => {
    const read = (block: JsonObject) =>
      readSreControlCenterConfig(
        new ConfigReader({ sreControlCenter: block }),
        { production: true },
      );

    it('refuses to start without a way to authenticate webhooks', () => {
      expect(() => read({})).toThrow(
        /sreControlCenter\.webhookToken: required in production/,
      );
      expect(() =>
        read({
          webhookAuth: {
            entra: { tenantId: 'tenant', audience: 'api://sre-cc' },
          },
        }),
      ).not.toThrow();
    });

    it("refuses the emulator's GitHub webhook secret", () => {
      expect(() =>
        read({
          webhookToken: 'a-long-enough-token',
          github: { webhookSecret: 'emulator-webhook-secret' },
        }),
      ).toThrow(
        /sreControlCenter\.github\.webhookSecret: a development secret/,
      );
      expect(() =>
        read({
          webhookToken: 'a-long-enough-token',
          github: { webhookSecret: 'k8Vd2nQ0x7LmR4pZs9Tb1wYc' },
        }),
      ).not.toThrow();
    });

    it('refuses the emulator and a local runbook database', () => {
      expect(() =>
        read({
          webhookToken: 'a-long-enough-token',
          azure: { endpoint: 'http://127.0.0.1:7010' },
        }),
      ).toThrow(/sreControlCenter\.azure\.endpoint: .* is not an https/);
      expect(() =>
        read({
          webhookToken: 'a-long-enough-token',
          postgresServers: [
            {
              system: 'system:default/mindful-moments',
              server: 'psql-mindful-moments-dev',
              connectionString: 'postgresql://root@127.0.0.1:5432/postgres',
            },
          ],
        }),
      ).toThrow(/postgresServers\.0\.connectionString: a local database/);
    });

    it('accepts an Entra ID sign-in to the runbook database, without a password', () => {
      const config = read({
        webhookToken: 'a-long-enough-token',
        postgresServers: [
          {
            system: 'system:default/mindful-moments',
            server: 'psql-mindful-moments-dev',
            host: 'psql-mindful-moments-dev.postgres.database.azure.com',
            user: 'sre-control-center-backend',
            entra: true,
          },
        ],
      });
      expect(config.postgresServers[0]).toMatchObject({
        port: 5432,
        database: 'postgres',
        entra: true,
      });
      expect(() =>
        read({
          webhookToken: 'a-long-enough-token',
          postgresServers: [
            {
              system: 'system:default/mindful-moments',
              server: 'psql',
              host: 'psql.example.com',
            },
          ],
        }),
      ).toThrow(/a host needs user and entra: true/);
    });
  });
});
