/**
 * Alert identity. An alert's id is Azure's alert id, lower-cased, in its one
 * real shape, `/subscriptions/{guid}/providers/Microsoft.AlertsManagement/alerts/{guid}`,
 * or one of the portal's own (`alertmanager:<fingerprint>`,
 * `unrecognized:<sha256>`). Ids steer Azure calls (acknowledge, close), so
 * anything else is refused where it enters, and the ARM path of a call is
 * built from the parsed parts only.
 */

const GUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const AZURE_ALERT_ID = new RegExp(
  `^/subscriptions/(${GUID})/providers/microsoft\\.alertsmanagement/alerts/(${GUID})$`,
);
const PORTAL_ALERT_ID =
  /^(?:alertmanager:[0-9a-z]{1,64}|unrecognized:[0-9a-f]{64})$/;

/** Longer than any id of the shapes above. */
export const MAX_ALERT_ID_LENGTH = 160;

/** An Azure alert id, parsed. */
export interface AzureAlertId {
  /** The subscription the alert lives in, lower-cased. */
  subscriptionId: string;
  /** The alert's own GUID, lower-cased. */
  alertGuid: string;
}

/** The parts of an Azure alert id (any case), or undefined when it is not one. */
export function parseAzureAlertId(id: string): AzureAlertId | undefined {
  if (id.length > MAX_ALERT_ID_LENGTH) return undefined;
  const match = AZURE_ALERT_ID.exec(id.toLocaleLowerCase('en-US'));
  return match ? { subscriptionId: match[1], alertGuid: match[2] } : undefined;
}

/** The id the portal keys an Azure alert by. */
export function azureAlertIdOf(parts: AzureAlertId): string {
  return `/subscriptions/${parts.subscriptionId}/providers/microsoft.alertsmanagement/alerts/${parts.alertGuid}`;
}

/**
 * The canonical (lower-cased) form of any alert id the portal knows, or
 * undefined: what a route accepts in `/alerts/:id`.
 */
export function canonicalAlertId(id: string): string | undefined {
  if (id.length > MAX_ALERT_ID_LENGTH) return undefined;
  const azure = parseAzureAlertId(id);
  if (azure) return azureAlertIdOf(azure);
  const lower = id.toLocaleLowerCase('en-US');
  return PORTAL_ALERT_ID.test(lower) ? lower : undefined;
}

/**
 * Whether an alert id is Azure's. Alertmanager and unrecognized webhook
 * alerts have ids of their own and live only here.
 */
export function isAzureAlertId(alertId: string): boolean {
  return parseAzureAlertId(alertId) !== undefined;
}
