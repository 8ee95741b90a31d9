import { z } from 'zod';

/**
 * Bounds on the webhook fields that become columns, checked when a payload
 * is decoded (and so at the webhook, as a 422 naming the field): a value
 * too long for its column, or a NUL byte PostgreSQL cannot store, must be
 * refused where it is visible, not fail later in a transaction.
 */
export const FIELD_LIMITS = {
  /** alerts.name */
  ruleName: 255,
  /** alerts.target_resource_id */
  resourceId: 1024,
  /** Targets kept per alert. */
  targets: 50,
  /** Descriptions are cut here (text column; the inbox keeps the whole body). */
  description: 16_384,
} as const;

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/** A one-line name or id: bounded, without control characters. */
export function boundedName(max: number) {
  return z
    .string()
    .min(1)
    .max(max)
    .refine(value => !CONTROL.test(value), {
      message: 'must not contain control characters',
    });
}

/** Free text as the portal stores it: without NUL bytes, cut at `max` characters. */
export function storableText(value: string, max: number): string {
  const clean = value.includes('\u0000')
    ? value.split('\u0000').join('')
    : value;
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}
