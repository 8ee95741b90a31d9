import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  type SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import { z } from 'zod';
import type { BlobLocation } from './sources/BlobOutputsSource';

const CONFIG_KEY = 'sreControlCenter.terraform';

const systemRef = z
  .string()
  .regex(
    /^system:[\w.-]+\/[\w.-]+$/i,
    'must be a System ref, system:<namespace>/<name>',
  )
  .transform(ref => ref.toLocaleLowerCase('en-US'));

const blobSchema = z.strictObject({
  accountUrl: z
    .url()
    .regex(/^https?:\/\//, 'must be an https:// storage account URL'),
  container: z
    .string()
    .regex(
      /^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$/,
      'must be a blob container name (3-63 lower-case letters, digits, hyphens)',
    ),
  name: z.string().min(1).max(1024),
});

// costEstimate is the SRE Control Center backend's (the stack card's estimate).
const costEstimate = z.string().min(1).optional();
const outputSchema = z.union([
  z.strictObject({ system: systemRef, file: z.string().min(1), costEstimate }),
  z.strictObject({ system: systemRef, blob: blobSchema, costEstimate }),
]);

const terraformSchema = z.strictObject({
  outputs: z.array(outputSchema).default([]),
  schedule: z.unknown().optional(),
});

export type OutputsConfig =
  | { system: string; file: string; costEstimate?: string }
  | { system: string; blob: BlobLocation; costEstimate?: string };

export interface TerraformOutputsConfig {
  outputs: OutputsConfig[];
  schedule: SchedulerServiceTaskScheduleDefinition;
}

/** Every 5 minutes; outputs change only when Terraform applies. */
export const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 5 },
  timeout: { minutes: 2 },
  initialDelay: { seconds: 5 },
};

/**
 * Reads `sreControlCenter.terraform`. A bad entry stops the backend with a
 * message naming the key, like the rest of the `sreControlCenter` block.
 */
export function readTerraformOutputsConfig(
  config: Config,
): TerraformOutputsConfig {
  const raw = config.getOptional(CONFIG_KEY) ?? {};
  const result = terraformSchema.safeParse(raw);
  if (!result.success) {
    const problems = result.error.issues.map(
      issue => `${[CONFIG_KEY, ...issue.path].join('.')}: ${issue.message}`,
    );
    throw new Error(
      `Invalid ${CONFIG_KEY} configuration: ${problems.join('; ')}`,
    );
  }
  const seen = new Set<string>();
  for (const [i, output] of result.data.outputs.entries()) {
    if (seen.has(output.system)) {
      throw new Error(
        `Invalid ${CONFIG_KEY} configuration: ${CONFIG_KEY}.outputs.${i}: ${output.system} is listed twice`,
      );
    }
    seen.add(output.system);
  }
  const schedule = config.has(`${CONFIG_KEY}.schedule`)
    ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
        config.getConfig(`${CONFIG_KEY}.schedule`),
      )
    : DEFAULT_SCHEDULE;
  return { outputs: result.data.outputs, schedule };
}
