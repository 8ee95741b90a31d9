import type { Config } from '@backstage/config';
import { entityRefSchema } from '@sre-control-center/plugin-sre-control-center-common';
import { z } from 'zod';
import { escalationConfigSchema } from './escalationConfig';

const CONFIG_KEY = 'sreControlCenter';

const runbookActionSchema = z
  .strictObject({
    type: z.enum(['restart', 'scale', 'execute_query', 'rollback']),
    /** A resource name in the System's resource group. */
    resource: z
      .string()
      .regex(/^[\w.-]+$/, 'must be a resource name, not an id or path'),
    target_sku: z
      .string()
      .regex(/^[A-Z][A-Za-z0-9]*$/, 'must be an App Service plan SKU, e.g. B2')
      .optional(),
    query: z.string().trim().min(1).optional(),
    slot: z
      .string()
      .regex(/^[\w-]+$/)
      .optional(),
    approval_required: z.boolean().default(true),
  })
  .refine(action => action.type !== 'scale' || action.target_sku, {
    message: 'a scale action needs target_sku',
    path: ['target_sku'],
  })
  .refine(action => action.type !== 'rollback' || action.slot, {
    message: 'a rollback action needs the slot to swap back with production',
    path: ['slot'],
  });

const runbookSchema = z.strictObject({
  name: z.string().min(1).max(200),
  description: z.string().optional(),
  /** Limits the runbook to one System; otherwise every System may run it. */
  system: entityRefSchema.optional(),
  trigger: z.strictObject({ alert: z.string().min(1) }).optional(),
  /** The SRE agent's condition text, shown as written (e.g. "CPU > 80 % for 10 min"). */
  condition: z.string().optional(),
  cooldown_minutes: z.number().int().min(0).max(1440).default(15),
  actions: z.array(runbookActionSchema).min(1),
});

/**
 * A PostgreSQL server that execute_query actions of one System may connect
 * to: a connection string, or (Azure) host, database and role with an Entra
 * ID token from the backend's identity as the password, so no password is
 * in the configuration.
 */
const postgresServerSchema = z
  .strictObject({
    system: entityRefSchema.refine(ref => ref.startsWith('system:'), {
      message: 'must be a System, system:namespace/name',
    }),
    /** The server's name in the System's resource group. */
    server: z.string().regex(/^[\w.-]+$/, 'must be a server name'),
    connectionString: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// URL')
      .optional(),
    host: z
      .string()
      .regex(/^[\w.-]+$/, 'must be a host name')
      .optional(),
    port: z.number().int().min(1).max(65535).default(5432),
    database: z.string().min(1).default('postgres'),
    /** The PostgreSQL role mapped to the backend's managed identity. */
    user: z.string().min(1).optional(),
    /** Sign in with an Entra ID token (DefaultAzureCredential) instead of a password. */
    entra: z.boolean().default(false),
  })
  .refine(s => Boolean(s.connectionString) !== Boolean(s.host), {
    message: 'needs either connectionString or host (with user and entra)',
  })
  .refine(s => !s.host || (s.user && s.entra), {
    message: 'a host needs user and entra: true (Entra ID token as password)',
  });

const configSchema = z.strictObject({
  webhookToken: z.string().min(16, 'must be at least 16 characters').optional(),
  /**
   * Users and groups who operate every System (acknowledge, run, silence,
   * open issues) and see the operators' page, besides each System's owners.
   */
  permissions: z
    .strictObject({ operators: z.array(entityRefSchema).default([]) })
    .default({ operators: [] }),
  inbox: z
    .strictObject({
      /** Days raw webhook bodies are kept; alerts and their history stay. */
      retentionDays: z.number().int().min(1).max(3650).default(30),
    })
    .default({ retentionDays: 30 }),
  /** Azure's secure webhook: Entra ID bearer tokens accepted besides ?token=. */
  webhookAuth: z
    .strictObject({
      entra: z
        .strictObject({
          tenantId: z.string().regex(/^[\w.-]+$/, 'must be a tenant id'),
          audience: z.union([
            z.string().min(1),
            z.array(z.string().min(1)).min(1),
          ]),
          jwksUri: z.url().optional(),
          allowedAppIds: z.array(z.uuid()).min(1).optional(),
          requiredRole: z.string().min(1).optional(),
        })
        .optional(),
    })
    .default({}),
  azure: z.strictObject({ endpoint: z.url().optional() }).default({}),
  /**
   * The GitHub issues area (docs/github.md). Credentials come from
   * `integrations.github` (a GitHub App in production, a token locally).
   */
  github: z
    .strictObject({
      /** Secret GitHub signs webhook deliveries with (X-Hub-Signature-256). */
      webhookSecret: z.string().min(1).optional(),
      /** Still accepted during a rotation, besides webhookSecret. */
      previousWebhookSecret: z.string().min(1).optional(),
      /** Logins whose issues are the SRE agent's; apps as `name[bot]`. */
      agentLogins: z
        .array(
          z
            .string()
            .regex(
              /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(\[bot\])?$/,
              'must be a GitHub login (apps as name[bot])',
            ),
        )
        .default(['azure-sre-agent[bot]']),
      /** Issues with one of these labels are listed too. */
      labels: z.array(z.string().min(1).max(50)).default([]),
      /** Labels put on the issues the portal opens. */
      openLabels: z
        .array(z.string().min(1).max(50))
        .default(['sre-control-center']),
      /** Days closed issues stay on the card. */
      closedWindowDays: z.number().int().min(1).max(365).default(30),
      /** Hours after an alert fired an issue naming its rule and resource is linked to it. */
      linkWindowHours: z.number().min(0.1).max(168).default(6),
      /** Seconds between two scheduled syncs. */
      syncIntervalSeconds: z.number().int().min(10).max(3600).default(60),
    })
    .default({
      agentLogins: ['azure-sre-agent[bot]'],
      labels: [],
      openLabels: ['sre-control-center'],
      closedWindowDays: 30,
      linkWindowHours: 6,
      syncIntervalSeconds: 60,
    }),
  approvals: z
    .strictObject({
      approvers: z.array(entityRefSchema).default([]),
      distinctApprover: z.boolean().default(true),
      pendingExpiryMinutes: z.number().int().min(1).max(10080).default(60),
    })
    .default({
      approvers: [],
      distinctApprover: true,
      pendingExpiryMinutes: 60,
    }),
  runbooks: z.array(runbookSchema).default([]),
  /** Connections for execute_query actions, per System and server. */
  postgresServers: z.array(postgresServerSchema).default([]),
  /**
   * Monthly price per App Service plan SKU, in the budget's currency, for the
   * budget check before a scale run. Overrides the built-in list prices.
   */
  planPrices: z.record(z.string(), z.number().nonnegative()).default({}),
  /**
   * Terraform artefacts per System. The catalog module
   * (catalog-backend-module-sre-control-center) reads and checks `outputs`
   * and `schedule`; this plugin reads each output's `costEstimate` for the
   * stack card.
   */
  terraform: z
    .looseObject({
      outputs: z
        .array(
          z.looseObject({
            system: entityRefSchema,
            costEstimate: z.string().min(1).optional(),
          }),
        )
        .default([]),
    })
    .default({ outputs: [] }),
  /** On-call escalation: policies per System, schedules, the phone provider (see domain/escalation). */
  escalation: escalationConfigSchema.default({
    ackKey: '1',
    policies: [],
    schedules: [],
  }),
  /** `POST /webhooks/deployments` (see domain/deployments). */
  deployments: z
    .strictObject({
      /** Shared token the app-deploy workflow sends as `Authorization: Bearer`. */
      token: z.string().min(16, 'must be at least 16 characters').optional(),
      /** GitHub Actions OIDC tokens (`id-token: write`) instead of, or besides, the token. */
      githubOidc: z
        .strictObject({
          audience: z.union([
            z.string().min(1),
            z.array(z.string().min(1)).min(1),
          ]),
          issuer: z.url().optional(),
          jwksUri: z.url().optional(),
        })
        .optional(),
    })
    .default({}),
});

export type SreControlCenterConfig = z.infer<typeof configSchema>;
export type RunbookDefinition = z.infer<typeof runbookSchema>;
export type PostgresServerConfig = z.infer<typeof postgresServerSchema>;

/**
 * Reads and validates the `sreControlCenter` block. Throws an error naming
 * every bad key (e.g. `sreControlCenter.approvals.approvers.0`) so that a
 * broken config stops the backend at start instead of failing later.
 *
 * In production (`NODE_ENV=production`, set by the production start script)
 * it also refuses what only makes sense locally: no way to authenticate
 * webhooks (neither `webhookToken` nor Entra secure-webhook settings), and an
 * Azure endpoint that is not https (the emulator).
 */
export function readSreControlCenterConfig(
  config: Config,
  options: { production?: boolean } = {},
): SreControlCenterConfig {
  const production =
    options.production ?? process.env.NODE_ENV === 'production';
  const raw = config.getOptional(CONFIG_KEY) ?? {};
  const result = configSchema.safeParse(raw);
  if (result.success) {
    if (production) checkProduction(result.data);
    return result.data;
  }
  const problems = result.error.issues.map(issue => {
    const keys =
      issue.code === 'unrecognized_keys'
        ? issue.keys.map(k => [...issue.path, k].join('.'))
        : [issue.path.join('.')];
    return keys
      .map(
        key => `${key ? `${CONFIG_KEY}.${key}` : CONFIG_KEY}: ${issue.message}`,
      )
      .join('; ');
  });
  throw new Error(
    `Invalid ${CONFIG_KEY} configuration: ${problems.join('; ')}`,
  );
}

function checkProduction(settings: SreControlCenterConfig): void {
  const problems: string[] = [];
  if (!settings.webhookToken && !settings.webhookAuth.entra) {
    problems.push(
      `${CONFIG_KEY}.webhookToken: required in production (SRE_CC_WEBHOOK_TOKEN), unless ${CONFIG_KEY}.webhookAuth.entra is set`,
    );
  }
  const endpoint = settings.azure.endpoint;
  if (endpoint && !endpoint.startsWith('https://')) {
    problems.push(
      `${CONFIG_KEY}.azure.endpoint: ${endpoint} is not an https Azure endpoint; production talks to Azure Resource Manager (leave it unset)`,
    );
  }
  const secret = settings.github.webhookSecret;
  if (secret && (secret.length < 20 || /emulator/i.test(secret))) {
    problems.push(
      `${CONFIG_KEY}.github.webhookSecret: a development secret in production; set SRE_CC_GITHUB_WEBHOOK_SECRET to a random value of 20+ characters`,
    );
  }
  for (const [i, server] of settings.postgresServers.entries()) {
    if (
      server.connectionString &&
      /@(127\.|localhost)/.test(server.connectionString)
    ) {
      problems.push(
        `${CONFIG_KEY}.postgresServers.${i}.connectionString: a local database in production`,
      );
    }
  }
  const phone = settings.escalation.phone;
  const local = /^https?:\/\/(127\.|localhost|\[::1\])|^http:\/\//i;
  const acsEndpoint = /^endpoint=([^;]+);/i.exec(
    phone?.acs?.connectionString ?? '',
  )?.[1];
  if (acsEndpoint && local.test(acsEndpoint)) {
    problems.push(
      `${CONFIG_KEY}.escalation.phone.acs.connectionString: ${acsEndpoint} is not a Communication Services endpoint (the emulator?)`,
    );
  }
  if (phone?.twilio?.apiBaseUrl) {
    problems.push(
      `${CONFIG_KEY}.escalation.phone.twilio.apiBaseUrl: production talks to https://api.twilio.com (leave it unset)`,
    );
  }
  if (phone?.callbackBaseUrl && !phone.callbackBaseUrl.startsWith('https://')) {
    problems.push(
      `${CONFIG_KEY}.escalation.phone.callbackBaseUrl: providers call back over https only`,
    );
  }
  if (problems.length > 0) {
    throw new Error(
      `Invalid ${CONFIG_KEY} configuration for production: ${problems.join(
        '; ',
      )}`,
    );
  }
}
