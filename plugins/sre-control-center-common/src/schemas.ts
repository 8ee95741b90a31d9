import { z } from 'zod';

/**
 * `kind:namespace/name`. Entity refs compare case-insensitively, so the
 * parsed value is lower-cased: every route and store sees one spelling.
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

export const alertSeveritySchema = z.enum([
  'Sev0',
  'Sev1',
  'Sev2',
  'Sev3',
  'Sev4',
]);
export const alertStateSchema = z.enum(['New', 'Acknowledged', 'Closed']);

/** Query of `GET /alerts`. */
export const listAlertsQuerySchema = z.strictObject({
  entityRef: entityRefSchema,
  state: alertStateSchema.optional(),
  severity: alertSeveritySchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().min(1).max(200).optional(),
});

export type ListAlertsQuery = z.infer<typeof listAlertsQuerySchema>;

/** Body of `POST /alerts/:id/acknowledge` and `POST /alerts/:id/close`. */
export const alertStateChangeBodySchema = z.strictObject({
  comment: z.string().trim().min(1).max(1000).optional(),
});

/** Query of `GET /audit`. */
export const listAuditQuerySchema = z.strictObject({
  entityRef: entityRefSchema,
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** Query of `GET /costs`. */
export const costQuerySchema = z.strictObject({ entityRef: entityRefSchema });
