import { entityRefSchema } from '@sre-control-center/plugin-sre-control-center-common';

/**
 * A System's entity ref, lower-cased, or undefined when the value is not
 * one. Projects are catalog Systems, so a webhook may only name those.
 */
export function systemRef(value: string): string | undefined {
  const parsed = entityRefSchema.safeParse(value);
  return parsed.success && parsed.data.startsWith('system:')
    ? parsed.data
    : undefined;
}
