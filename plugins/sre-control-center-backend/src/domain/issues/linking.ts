import type { Alert } from '@sre-control-center/plugin-sre-control-center-common';
import { canonicalAlertId } from '../alerts/alertIds';
import type { IssueLink } from './types';

/**
 * The linking rule (docs/github.md):
 *
 * 1. Exact: the marker `<!-- sre-control-center:alert=<alert id> -->`, or an
 *    Azure alert id anywhere in the title or body (also inside an Azure portal
 *    link, where it is URL-encoded).
 * 2. Fallback, only when (1) finds nothing: the body names the alert rule and
 *    the alert's target resource (its ARM id, or its name as a word), and the
 *    issue was opened within the window after the alert fired. Of several
 *    firings of the same rule on the same resource, the latest before the
 *    issue wins.
 *
 * Ids are parsed with the strict alert id parser: nothing of another shape
 * becomes a link.
 */

const MARKER = /<!--\s*sre-control-center:alert=([^\s>]{1,200})\s*-->/gi;
const GUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const AZURE_ALERT_ID = new RegExp(
  `/subscriptions/${GUID}/providers/microsoft\\.alertsmanagement/alerts/${GUID}`,
  'gi',
);
/** Bodies are read up to here: the agent's reports are a few KB, GitHub allows 64 K characters. */
const MAX_TEXT = 70_000;

/** Links the title and body name exactly (marker or alert id). */
export function exactLinks(title: string, body: string | null): IssueLink[] {
  const text = `${title}\n${body ?? ''}`.slice(0, MAX_TEXT);
  const links = new Map<string, IssueLink>();
  for (const match of text.matchAll(MARKER)) {
    const id = canonicalAlertId(safeDecode(match[1]));
    if (id) links.set(id, { alertId: id, rule: 'marker' });
  }
  // Portal links carry the id URL-encoded (%2Fsubscriptions%2F...).
  const decoded = text.replace(/%2f/gi, '/');
  for (const match of decoded.matchAll(AZURE_ALERT_ID)) {
    const id = canonicalAlertId(match[0]);
    if (id && !links.has(id)) links.set(id, { alertId: id, rule: 'alert-id' });
  }
  return [...links.values()];
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** `name` as a whole word (resource and rule names have hyphens and dots). */
const mentions = (text: string, name: string) =>
  name.length > 0 &&
  new RegExp(`(^|[^\\w.-])${escape(name)}($|[^\\w-])`, 'i').test(text);

/**
 * Fallback links among `candidates` (alerts of the repository's Systems):
 * rule name and target resource in the body, opened within `windowMs`
 * after the alert fired.
 */
export function fallbackLinks(
  body: string | null,
  createdAt: string,
  candidates: Alert[],
  windowMs: number,
): IssueLink[] {
  if (!body) return [];
  const text = body.slice(0, MAX_TEXT);
  const opened = Date.parse(createdAt);
  const best = new Map<string, Alert>();
  for (const alert of candidates) {
    const fired = Date.parse(alert.firedAt);
    if (!(fired <= opened && opened - fired <= windowMs)) continue;
    if (!alert.targetResourceId || !mentions(text, alert.name)) continue;
    const resourceName = alert.targetResourceId.split('/').pop() ?? '';
    const namesResource =
      text.toLowerCase().includes(alert.targetResourceId.toLowerCase()) ||
      mentions(text, resourceName);
    if (!namesResource) continue;
    const key = `${alert.name.toLowerCase()} ${alert.targetResourceId.toLowerCase()}`;
    const seen = best.get(key);
    if (!seen || Date.parse(seen.firedAt) < fired) best.set(key, alert);
  }
  return [...best.values()].map(a => ({
    alertId: a.id,
    rule: 'rule-and-resource' as const,
  }));
}
