import type { Config } from '@backstage/config';
import { entityRefSchema } from '@internal/plugin-sre-control-center-common';
import { z } from 'zod';

const CONFIG_KEY = 'sreControlCenter';

const runbookActionSchema = z.looseObject({
  type: z.enum(['restart', 'scale', 'end-idle-sessions', 'swap-slot']),
  resource: z.string().min(1),
  approval_required: z.boolean().default(true),
});

const runbookSchema = z.strictObject({
  name: z.string().min(1),
  description: z.string().optional(),
  trigger: z.strictObject({ alert: z.string().min(1) }).optional(),
  actions: z.array(runbookActionSchema).min(1),
});

const configSchema = z.strictObject({
  webhookToken: z.string().min(16, 'must be at least 16 characters').optional(),
  azure: z.strictObject({ endpoint: z.url().optional() }).default({}),
  github: z
    .strictObject({
      token: z.string().min(1).optional(),
      baseUrl: z.url().optional(),
      webhookSecret: z.string().min(1).optional(),
      agentLogins: z.array(z.string().min(1)).default(['azure-sre-agent[bot]']),
    })
    .default({ agentLogins: ['azure-sre-agent[bot]'] }),
  approvals: z
    .strictObject({
      approvers: z.array(entityRefSchema).default([]),
      distinctApprover: z.boolean().default(true),
    })
    .default({ approvers: [], distinctApprover: true }),
  runbooks: z.array(runbookSchema).default([]),
});

export type SreControlCenterConfig = z.infer<typeof configSchema>;
export type RunbookDefinition = z.infer<typeof runbookSchema>;

/**
 * Reads and validates the `sreControlCenter` block. Throws an error naming
 * every bad key (e.g. `sreControlCenter.approvals.approvers.0`) so that a
 * broken config stops the backend at start instead of failing later.
 */
export function readSreControlCenterConfig(
  config: Config,
): SreControlCenterConfig {
  const raw = config.getOptional(CONFIG_KEY) ?? {};
  const result = configSchema.safeParse(raw);
  if (result.success) {
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
