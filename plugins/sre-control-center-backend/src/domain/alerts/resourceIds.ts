/**
 * ARM ids are case-insensitive, and Azure itself is inconsistent about case
 * (`resourcegroups` in alert payloads, `resourceGroups` elsewhere): compare
 * them lower-cased. Everything here runs in time linear in the input: ids
 * come from webhooks, and a regular expression such as `/\/+$/` takes
 * quadratic time on a long run of slashes.
 */

/** Longest ARM id accepted anywhere (Azure's own limit for nested resources is far below). */
export const MAX_ARM_ID_LENGTH = 1024;

export function normalizeArmId(id: string): string {
  let end = id.length;
  let start = 0;
  while (start < end && isSpace(id.charCodeAt(start))) start++;
  while (end > start && isSpace(id.charCodeAt(end - 1))) end--;
  while (end > start && id.charCodeAt(end - 1) === 0x2f /* / */) end--;
  return id.slice(start, end).toLocaleLowerCase('en-US');
}

function isSpace(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d);
}

/** One ARM path segment: no slash, nothing that would change the path once sent. */
const SEGMENT = /^[^/?#%\\\s]+$/;

/** `/subscriptions/S/resourceGroups/RG/...` → `/subscriptions/s/resourcegroups/rg`, or undefined. */
export function resourceGroupIdOf(resourceId: string): string | undefined {
  if (resourceId.length > MAX_ARM_ID_LENGTH) return undefined;
  const parts = normalizeArmId(resourceId).split('/');
  if (
    parts.length < 5 ||
    parts[0] !== '' ||
    parts[1] !== 'subscriptions' ||
    parts[3] !== 'resourcegroups' ||
    !SEGMENT.test(parts[2]) ||
    !SEGMENT.test(parts[4]) ||
    parts[2] === '..' ||
    parts[4] === '..'
  ) {
    return undefined;
  }
  return `/subscriptions/${parts[2]}/resourcegroups/${parts[4]}`;
}

/** The subscription id of an ARM id (`/subscriptions/{id}/…`), lower-cased, or undefined. */
export function subscriptionOf(armId: string): string | undefined {
  const parts = normalizeArmId(armId).split('/', 3);
  return parts[0] === '' && parts[1] === 'subscriptions' && parts[2]
    ? parts[2]
    : undefined;
}
