import { InputError } from '@backstage/errors';
import type { z } from 'zod';

/**
 * Parses request input at the edge; a failure becomes a 400 whose message
 * names each bad field, e.g. `entityRef: must be a full entity ref`.
 */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  what: string,
): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) {
    return result.data;
  }
  const details = result.error.issues
    .map(issue => {
      if (issue.code === 'unrecognized_keys') {
        return `unknown ${
          issue.keys.length > 1 ? 'fields' : 'field'
        } ${issue.keys.join(', ')}`;
      }
      const path = issue.path.join('.');
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join('; ');
  throw new InputError(`Invalid ${what}: ${details}`);
}
