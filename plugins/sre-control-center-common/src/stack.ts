import { z } from 'zod';
import { entityQuerySchema } from './schemas';

/*
 * The provisioned stack of a System (`GET /stack?entityRef=`): its Azure
 * resources (from the catalog's Resource entities, which the catalog module
 * makes from Terraform outputs) with live state and metric series, its
 * metric alert rules, the check that their action groups reach this portal,
 * and the Terraform cost estimate next to the actual cost.
 */

/**
 * Annotations the catalog module (`catalog-backend-module-sre-control-center`)
 * puts on the Resource entities it makes from Terraform outputs. The two are
 * separate plugins: the stack card reads the module's last status from these.
 *
 * @public
 */
export const ANNOTATION_TERRAFORM_OUTPUTS_STATUS =
  'sre-control-center/terraform-outputs-status';
/** @public */
export const ANNOTATION_TERRAFORM_OUTPUTS_CHECKED_AT =
  'sre-control-center/terraform-outputs-checked-at';
/** @public */
export const ANNOTATION_TERRAFORM_OUTPUTS_READ_AT =
  'sre-control-center/terraform-outputs-read-at';
/** @public */
export const ANNOTATION_TERRAFORM_OUTPUTS_ERROR =
  'sre-control-center/terraform-outputs-error';
/** @public */
export const ANNOTATION_TERRAFORM_OUTPUTS_SOURCE =
  'sre-control-center/terraform-outputs-source';
/** @public */
export const ANNOTATION_TERRAFORM_OUTPUT =
  'sre-control-center/terraform-output';

/**
 * Query of `GET /stack`: the one `{ entityRef }` query of the routes about one System.
 *
 * @public
 */
export const stackQuerySchema = entityQuerySchema;

/**
 * Which Azure source a problem came from.
 *
 * @public
 */
export const stackSourceSchema = z.enum([
  'catalog',
  'arm',
  'metrics',
  'alert-rules',
  'action-groups',
  'cost-estimate',
]);

/**
 * Why part of the stack is missing or old.
 *
 * @public
 */
export const stackProblemSchema = z.object({
  source: stackSourceSchema,
  /** What was being read, e.g. the resource name. */
  target: z.string().nullable(),
  message: z.string(),
  /** Azure's error code (AuthorizationFailed, TooManyRequests, ...). */
  code: z.string().nullable(),
  /** The Azure role the backend's identity needs, when Azure answered 403. */
  requiredRole: z.string().nullable(),
  at: z.iso.datetime({ offset: true }),
});

/** @public */
export const metricPointSchema = z.object({
  at: z.iso.datetime({ offset: true }),
  value: z.number().nullable(),
});

/**
 * One metric of one resource over the last hour, in 5-minute steps.
 *
 * @public
 */
export const metricSeriesSchema = z.object({
  /** Azure Monitor's metric name, e.g. HttpResponseTime. */
  metric: z.string(),
  label: z.string(),
  unit: z.string(),
  aggregation: z.enum(['Average', 'Total', 'Maximum', 'Minimum', 'Count']),
  points: z.array(metricPointSchema),
  /** The newest point with a value. */
  latest: z.number().nullable(),
  /** Against the thresholds the stack's alert rules use (or sensible ones). */
  health: z.enum(['ok', 'warning', 'critical', 'unknown']),
});

/**
 * What ARM says about a resource.
 *
 * @public
 */
export const resourceStateSchema = z.object({
  /** Web app state (Running, Stopped), PostgreSQL state (Ready, Stopped, ...), else the provisioning state. */
  state: z.string().nullable(),
  provisioningState: z.string().nullable(),
  /** e.g. `B1 (Basic)`, `Standard_B1ms (Burstable)`, `Standard_LRS`, `standard`. */
  sku: z.string().nullable(),
  /** App Service plan workers. */
  workers: z.number().nullable(),
  location: z.string().nullable(),
  /** PostgreSQL version, the web app's runtime (linuxFxVersion). */
  version: z.string().nullable(),
  /** ok: running/ready/succeeded; warning: changing; error: stopped/failed. */
  health: z.enum(['ok', 'warning', 'error', 'unknown']),
});

/** @public */
export const stackResourceSchema = z.object({
  entityRef: z.string(),
  name: z.string(),
  /** Catalog spec.type, e.g. azure-app-service. */
  type: z.string(),
  resourceId: z.string(),
  portalUrl: z.string(),
  /** Null until ARM answered once (or for types the card does not read). */
  arm: resourceStateSchema.nullable(),
  metrics: z.array(metricSeriesSchema),
  /** When arm and metrics were last read successfully. */
  readAt: z.iso.datetime({ offset: true }).nullable(),
});

/** @public */
export const alertRuleCriterionSchema = z.object({
  metric: z.string(),
  operator: z.string(),
  threshold: z.number().nullable(),
  aggregation: z.string(),
});

/**
 * A metric alert rule of the System's resource group.
 *
 * @public
 */
export const stackAlertRuleSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  severity: z.enum(['Sev0', 'Sev1', 'Sev2', 'Sev3', 'Sev4']),
  enabled: z.boolean(),
  /** e.g. `Average HttpResponseTime > 5 over 5 min`. */
  condition: z.string(),
  criteria: z.array(alertRuleCriterionSchema),
  targetResourceIds: z.array(z.string()),
  actionGroupIds: z.array(z.string()),
  /** When an alert of this rule last fired here (in the Control Center), if ever. */
  lastFiredAt: z.iso.datetime({ offset: true }).nullable(),
});

/** @public */
export const webhookReceiverSchema = z.object({
  name: z.string(),
  /** The URL without its query string (the token stays in Azure). */
  url: z.string(),
  useCommonAlertSchema: z.boolean(),
  useAadAuth: z.boolean(),
  /** True when this receiver calls this portal's Azure Monitor webhook. */
  reachesControlCenter: z.boolean(),
});

/** @public */
export const stackActionGroupSchema = z.object({
  id: z.string(),
  name: z.string(),
  enabled: z.boolean(),
  webhooks: z.array(webhookReceiverSchema),
  emailReceivers: z.number().int(),
  /** Enabled, with a receiver that calls this portal with the common alert schema. */
  reachesControlCenter: z.boolean(),
});

/** @public */
export const wiringProblemSchema = z.object({
  kind: z.enum([
    'no-action-group-reaches-portal',
    'common-alert-schema-off',
    'rule-without-action-group',
    'rule-not-reaching-portal',
    'action-group-not-found',
    'action-group-disabled',
  ]),
  ruleId: z.string().nullable(),
  actionGroupId: z.string().nullable(),
  /** Plain words for the card, e.g. "alerts of this rule will not reach the Control Center". */
  message: z.string(),
});

/**
 * Do the stack's alerts reach this portal?
 *
 * @public
 */
export const wiringCheckSchema = z.object({
  ok: z.boolean(),
  /** This portal's Azure Monitor webhook the receivers are compared with. */
  webhookUrls: z.array(z.string()),
  problems: z.array(wiringProblemSchema),
});

/**
 * The Terraform estimate next to the actual cost, in the budget's currency.
 *
 * @public
 */
export const stackCostSchema = z.object({
  currency: z.string(),
  /** Monthly estimate from the Terraform cost estimate JSON; null when there is none. */
  estimate: z
    .object({
      monthly: z.number(),
      currency: z.string(),
      /** When the prices were read, as the estimate says. */
      pricedAt: z.string().nullable(),
      items: z.array(z.object({ name: z.string(), monthly: z.number() })),
    })
    .nullable(),
  monthToDate: z.number().nullable(),
  forecast: z.number().nullable(),
  budget: z.number().nullable(),
});

/**
 * The catalog module's last read of the Terraform outputs, from the entities' annotations.
 *
 * @public
 */
export const terraformOutputsStatusSchema = z.object({
  status: z.enum(['ok', 'error', 'unknown']),
  checkedAt: z.string().nullable(),
  readAt: z.string().nullable(),
  error: z.string().nullable(),
  source: z.string().nullable(),
});

/**
 * Answer of `GET /stack?entityRef=`: the last snapshot and its age.
 *
 * @public
 */
export const stackSnapshotSchema = z.object({
  entityRef: z.string(),
  resourceGroupId: z.string(),
  resources: z.array(stackResourceSchema),
  alertRules: z.array(stackAlertRuleSchema),
  actionGroups: z.array(stackActionGroupSchema),
  wiring: wiringCheckSchema,
  cost: stackCostSchema,
  terraformOutputs: terraformOutputsStatusSchema,
  /** When this snapshot was taken (every source tried). */
  refreshedAt: z.iso.datetime({ offset: true }),
  /** Seconds since refreshedAt when the answer was made. */
  ageSeconds: z.number(),
  /** What failed in the last refresh; the values of those parts are from an earlier one. */
  problems: z.array(stackProblemSchema),
});

/** @public */
export type StackQuery = z.infer<typeof stackQuerySchema>;
/** @public */
export type StackSource = z.infer<typeof stackSourceSchema>;
/** @public */
export type StackProblem = z.infer<typeof stackProblemSchema>;
/** @public */
export type MetricPoint = z.infer<typeof metricPointSchema>;
/** @public */
export type MetricSeries = z.infer<typeof metricSeriesSchema>;
/** @public */
export type ResourceState = z.infer<typeof resourceStateSchema>;
/** @public */
export type StackResource = z.infer<typeof stackResourceSchema>;
/** @public */
export type StackAlertRule = z.infer<typeof stackAlertRuleSchema>;
/** @public */
export type WebhookReceiver = z.infer<typeof webhookReceiverSchema>;
/** @public */
export type StackActionGroup = z.infer<typeof stackActionGroupSchema>;
/** @public */
export type WiringProblem = z.infer<typeof wiringProblemSchema>;
/** @public */
export type WiringCheck = z.infer<typeof wiringCheckSchema>;
/** @public */
export type StackCost = z.infer<typeof stackCostSchema>;
/** @public */
export type TerraformOutputsStatus = z.infer<
  typeof terraformOutputsStatusSchema
>;
/** @public */
export type StackSnapshot = z.infer<typeof stackSnapshotSchema>;

/**
 * Message on a project's signal channel when its stack snapshot was refreshed.
 *
 * @public
 */
export type StackSignal = {
  type: 'stack.changed';
  entityRef: string;
};
