import { z } from 'zod';
import { entityRefSchema } from './schemas';

/**
 * How a deployment ended, in GitHub Actions' `job.status` words (plus in_progress).
 *
 * @public
 */
export const deploymentStatusSchema = z.enum([
  'in_progress',
  'success',
  'failure',
  'cancelled',
]);

/**
 * Body of `POST /webhooks/deployments`, what the app-deploy workflow sends.
 * Strict: an unknown field is a 400 naming it, so a typo in the workflow is
 * seen at once instead of a field silently missing from the timeline.
 *
 * @public
 */
export const deploymentBodySchema = z.strictObject({
  /** The System deployed to, e.g. system:default/mindful-moments. */
  entityRef: entityRefSchema.refine(ref => ref.startsWith('system:'), {
    message: 'must be a System, system:<namespace>/<name>',
  }),
  /** The release as the app names it, e.g. 2026.12.1 or a tag. */
  version: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .regex(/^[\w.+\-/]+$/, 'letters, digits and . _ + - / only'),
  /** The full commit SHA that was deployed. */
  commit: z
    .string()
    .regex(/^[0-9a-f]{40}$/i, 'must be a full 40-character commit SHA')
    .transform(sha => sha.toLowerCase()),
  /** The GitHub environment (dev, prod, ...). */
  environment: z
    .string()
    .regex(/^[\w.-]{1,64}$/, 'letters, digits and . _ - only, at most 64'),
  status: deploymentStatusSchema,
  /** Who started it: `github.actor` (a login, `name[bot]` for apps). */
  actor: z
    .string()
    .regex(
      /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(\[bot\])?$/,
      'must be a GitHub login',
    ),
  /** The workflow run's page. */
  url: z
    .url({ protocol: /^https$/ })
    .max(2048)
    .optional(),
  /** `github.run_id`. */
  runId: z.union([
    z.number().int().positive(),
    z.string().regex(/^\d{1,20}$/, 'must be the numeric github.run_id'),
  ]),
});

/** @public */
export type DeploymentBody = z.infer<typeof deploymentBodySchema>;
/** @public */
export type DeploymentStatus = z.infer<typeof deploymentStatusSchema>;

/**
 * A recorded deployment.
 *
 * @public
 */
export type Deployment = {
  id: string;
  entityRef: string;
  version: string;
  commit: string;
  environment: string;
  status: DeploymentStatus;
  actor: string;
  url: string | null;
  runId: string;
  /** When the portal first heard of it. */
  deployedAt: string;
  /** When its status last changed. */
  updatedAt: string;
};

/**
 * Message on a project's signal channel when a deployment was recorded or changed.
 *
 * @public
 */
export type DeploymentSignal = {
  type: 'deployment.changed';
  deployment: Deployment;
};
