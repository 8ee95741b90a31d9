import type { AlertSeverity } from '@sre-control-center/plugin-sre-control-center-common';
import { createHash } from 'node:crypto';
import { normalizeArmId } from '../../domain/alerts/resourceIds';
import type { AlertNotification } from '../../domain/alerts/types';
import { FIELD_LIMITS, storableText } from './fields';

/** Rule name every alert from an unrecognized payload carries. */
export const UNRECOGNIZED_RULE = 'unrecognized payload';
/** How much of the payload the alert shows; the inbox keeps all of it. */
const EXCERPT_CHARS = 2000;
/** Bounds for the resource-id search, so a huge payload costs little. */
const MAX_DEPTH = 8;
const MAX_IDS = 20;

/** A resource group or anything in one: what can tie the alert to a System. */
const ARM_RESOURCE = /^\/subscriptions\/[^/]+\/resourcegroups\/[^/]+(\/|$)/i;

/** JSON with sorted keys: the same payload re-serialized hashes the same. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      // Code-unit order, the same on every machine (no locale).
      .sort(([a], [b]) => Number(a > b) - Number(a < b))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** ARM ids of resources anywhere in the payload, in document order. */
function resourceIdsIn(value: unknown, found = new Set<string>(), depth = 0) {
  if (found.size >= MAX_IDS || depth > MAX_DEPTH) return found;
  if (typeof value === 'string') {
    if (
      value.length <= FIELD_LIMITS.resourceId &&
      ARM_RESOURCE.test(value.trim())
    )
      found.add(normalizeArmId(value));
  } else if (value && typeof value === 'object') {
    for (const v of Object.values(value as Record<string, unknown>)) {
      resourceIdsIn(v, found, depth + 1);
    }
  }
  return found;
}

function field(body: unknown, names: string[]): string | undefined {
  if (!body || typeof body !== 'object' || Array.isArray(body))
    return undefined;
  const record = body as Record<string, unknown>;
  for (const name of names) {
    const v = record[name];
    if (typeof v === 'string' && v.trim()) return v.trim();
  }
  return undefined;
}

function severityOf(body: unknown): AlertSeverity {
  const found = field(body, ['severity', 'Severity'])?.match(/^sev([0-4])$/i);
  return found ? (`Sev${found[1]}` as AlertSeverity) : 'Sev4';
}

/**
 * Well-formed JSON of a shape we do not know, kept and shown as an alert
 * rather than dropped. Its id hashes the payload, so a replay of the same
 * payload is the same alert; its severity is the payload's own (`Sev0`–`Sev4`
 * in a top-level `severity`) or Sev4.
 */
export function unrecognizedNotification(
  body: unknown,
  receivedAt: Date,
): AlertNotification {
  const hash = createHash('sha256').update(canonicalJson(body)).digest('hex');
  const json = JSON.stringify(body) ?? 'null';
  const excerpt =
    json.length > EXCERPT_CHARS ? `${json.slice(0, EXCERPT_CHARS)}…` : json;
  return {
    alertId: `unrecognized:${hash}`,
    rule: UNRECOGNIZED_RULE,
    severity: severityOf(body),
    monitorCondition: 'Fired',
    targetResourceIds: [...resourceIdsIn(body)],
    description: storableText(
      field(body, ['description', 'message', 'summary', 'title', 'text']) ??
        'A webhook payload of a shape the Control Center does not know; the condition shows its start, the inbox keeps all of it.',
      FIELD_LIMITS.description,
    ),
    firedAt: receivedAt,
    resolvedAt: null,
    condition: { source: 'webhook', text: excerpt },
    source: 'webhook',
  };
}
