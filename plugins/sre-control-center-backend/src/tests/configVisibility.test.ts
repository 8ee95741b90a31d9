import { loadConfigSchema } from '@backstage/config-loader';
import path from 'node:path';

jest.setTimeout(60_000);

const fullConfig = {
  sreControlCenter: {
    webhookToken: 'a-webhook-token-0123456789',
    webhookAuth: {
      entra: {
        tenantId: '9c1e4b7a-2d58-4f03-b6e9-0a7c3d5f8e21',
        audience: ['api://sre-control-center-webhook'],
        jwksUri: 'http://127.0.0.1:7010/keys',
      },
    },
    azure: { endpoint: 'http://127.0.0.1:7010' },
    github: {
      webhookSecret: 'hook-secret',
      previousWebhookSecret: 'old-hook-secret',
      labels: ['sre-agent'],
      agentLogins: ['azure-sre-agent[bot]'],
    },
    approvals: {
      approvers: ['group:default/sre-owners'],
      distinctApprover: true,
    },
    runbooks: [
      {
        name: 'Restart',
        actions: [
          { type: 'restart', resource: 'app', approval_required: false },
        ],
      },
    ],
  },
};

describe('config.d.ts visibility', () => {
  let process: Awaited<ReturnType<typeof loadConfigSchema>>['process'];

  beforeAll(async () => {
    const schema = await loadConfigSchema({
      dependencies: [],
      packagePaths: [path.resolve(__dirname, '../../package.json')],
      // Only this plugin's schema: its dependencies would demand app/backend keys.
      excludePackageDependencies: true,
    });
    process = schema.process.bind(schema);
  });

  it('sends nothing of sreControlCenter to the frontend', () => {
    const [frontend] = process([{ context: 'test', data: fullConfig }], {
      visibility: ['frontend'],
    });
    expect(frontend.data).toEqual({});
  });

  it('marks the tokens and secrets as secret, and only those', () => {
    const [result] = process([{ context: 'test', data: fullConfig }], {
      visibility: ['secret'],
    });
    expect(result.data).toEqual({
      sreControlCenter: {
        webhookToken: 'a-webhook-token-0123456789',
        github: {
          webhookSecret: 'hook-secret',
          previousWebhookSecret: 'old-hook-secret',
        },
      },
    });
  });
});
