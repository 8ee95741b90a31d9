import { z } from 'zod';

/*
 * The API contract, written once: each route parses its input with the
 * schema here, and the request types clients use are the schemas' input
 * types (`z.input`: before defaults and transforms), the types the routes
 * work with their output types (`z.output`). Query numbers are declared
 * `z.coerce.number<number>()`: a client passes a number, the query string
 * carries its text and the schema coerces it back.
 */

/**
 * `kind:namespace/name`. Entity refs compare case-insensitively, so the
 * parsed value is lower-cased: every route and store sees one spelling.
 *
 * @public
 */
export const entityRefSchema = z
  .string()
  .min(3)
  .max(255)
  .regex(
    /^[a-zA-Z][\w-]*:[\w.-]+\/[\w.-]+$/,
    'must be a full entity ref, kind:namespace/name (e.g. group:default/sre-owners)',
  )
  .transform(ref => ref.toLocaleLowerCase('en-US'));

/** @public */
export const alertSeveritySchema = z.enum([
  'Sev0',
  'Sev1',
  'Sev2',
  'Sev3',
  'Sev4',
]);
/** @public */
export const alertStateSchema = z.enum(['New', 'Acknowledged', 'Closed']);

/**
 * Query of `GET /alerts`.
 *
 * @public
 */
export const listAlertsQuerySchema = z.strictObject({
  entityRef: entityRefSchema,
  state: alertStateSchema.optional(),
  severity: alertSeveritySchema.optional(),
  limit: z.coerce.number<number>().int().min(1).max(200).default(50),
  // A cursor carries a whole ARM alert id: a real one (GUID) makes ~220 characters.
  cursor: z.string().min(1).max(2048).optional(),
  /**
   * Only alerts whose updatedAt is later than this ISO time: how a browser
   * catches up on changes whose signals it missed while (re)connecting.
   */
  changedSince: z.iso.datetime({ offset: true }).optional(),
});

/**
 * `GET /alerts` as the route sees it, after defaults.
 *
 * @public
 */
export type ListAlertsQuery = z.output<typeof listAlertsQuerySchema>;

/**
 * Query of `GET /alerts?unrouted=true`: alerts no System claims (operators).
 *
 * @public
 */
export const listUnroutedAlertsQuerySchema = z.strictObject({
  unrouted: z.literal('true'),
  limit: z.coerce.number<number>().int().min(1).max(200).default(50),
  cursor: z.string().min(1).max(2048).optional(),
});

/**
 * Query of `GET /deliveries`: webhook deliveries that are not (yet) alerts.
 *
 * @public
 */
export const listDeliveriesQuerySchema = z.strictObject({
  status: z.enum(['failed', 'pending']).default('failed'),
  limit: z.coerce.number<number>().int().min(1).max(200).default(50),
  /** The id of the last delivery of the previous page. */
  cursor: z
    .string()
    .regex(/^\d{1,18}$/, 'must be a cursor from this API')
    .optional(),
});

/**
 * `:id` of `POST /deliveries/:id/retry`.
 *
 * @public
 */
export const deliveryIdSchema = z
  .string()
  .regex(/^\d{1,18}$/, 'must be a delivery id (a number)');

/**
 * Body of `POST /alerts/:id/acknowledge` and `POST /alerts/:id/close`.
 *
 * @public
 */
export const alertStateChangeBodySchema = z.strictObject({
  comment: z.string().trim().min(1).max(1000).optional(),
});

/**
 * Query of `GET /audit`.
 *
 * @public
 */
export const listAuditQuerySchema = z.strictObject({
  entityRef: entityRefSchema,
  limit: z.coerce.number<number>().int().min(1).max(500).default(100),
});

/**
 * Query of the routes about one System and nothing else: `GET /costs`,
 * `GET /runbooks`, `GET /maintenance`, `DELETE /maintenance/:name`.
 *
 * @public
 */
export const entityQuerySchema = z.strictObject({ entityRef: entityRefSchema });

/**
 * Query of `GET /runs`.
 *
 * @public
 */
export const listRunsQuerySchema = z.strictObject({
  entityRef: entityRefSchema,
  limit: z.coerce.number<number>().int().min(1).max(200).default(50),
});

/**
 * Body of `POST /runs`: request a run by hand.
 *
 * @public
 */
export const requestRunBodySchema = z.strictObject({
  entityRef: entityRefSchema,
  runbookId: z.string().min(1).max(200),
  reason: z.string().trim().min(1).max(1000).optional(),
});

/**
 * Body of `POST /runs/:id/approve`.
 *
 * @public
 */
export const approveRunBodySchema = z.strictObject({
  comment: z.string().trim().min(1).max(1000).optional(),
  /** Scale runs that would push the forecast over the budget need this. */
  confirmOverBudget: z.boolean().optional(),
});

/**
 * Body of `POST /runs/:id/reject`.
 *
 * @public
 */
export const rejectRunBodySchema = z.strictObject({
  comment: z.string().trim().min(1).max(1000).optional(),
});

/**
 * Shortest and longest maintenance window, in minutes.
 *
 * @public
 */
export const MAINTENANCE_MINUTES = { min: 5, max: 1440 } as const;

/**
 * Body of `POST /maintenance`: silence a System's alerts for a while.
 *
 * @public
 */
export const startMaintenanceBodySchema = z.strictObject({
  entityRef: entityRefSchema,
  minutes: z
    .number()
    .int()
    .min(MAINTENANCE_MINUTES.min)
    .max(MAINTENANCE_MINUTES.max),
  reason: z.string().trim().min(1).max(500),
});

/**
 * What a client passes to `GET /alerts` (`limit` defaults to 50).
 *
 * @public
 */
export type ListAlertsRequest = z.input<typeof listAlertsQuerySchema>;
/**
 * What a client passes to `GET /alerts?unrouted=true`, without the flag.
 *
 * @public
 */
export type ListUnroutedAlertsRequest = Omit<
  z.input<typeof listUnroutedAlertsQuerySchema>,
  'unrouted'
>;
/**
 * What a client passes to `GET /deliveries` (`status` defaults to failed).
 *
 * @public
 */
export type ListDeliveriesRequest = z.input<typeof listDeliveriesQuerySchema>;
/**
 * Body of `POST /alerts/:id/acknowledge` and `POST /alerts/:id/close`.
 *
 * @public
 */
export type AlertStateChangeRequest = z.input<
  typeof alertStateChangeBodySchema
>;
/**
 * Query of the routes about one System.
 *
 * @public
 */
export type EntityQuery = z.output<typeof entityQuerySchema>;
/**
 * Body of `POST /runs`: request a run of one runbook by hand.
 *
 * @public
 */
export type RequestRunRequest = z.input<typeof requestRunBodySchema>;
/**
 * Body of `POST /runs/:id/approve`.
 *
 * @public
 */
export type ApproveRunRequest = z.input<typeof approveRunBodySchema>;
/**
 * Body of `POST /runs/:id/reject`.
 *
 * @public
 */
export type RejectRunRequest = z.input<typeof rejectRunBodySchema>;
/**
 * Body of `POST /maintenance`: silence the System's alerts for a while.
 *
 * @public
 */
export type StartMaintenanceRequest = z.input<
  typeof startMaintenanceBodySchema
>;
