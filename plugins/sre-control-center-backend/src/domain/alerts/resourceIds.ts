/**
 * ARM ids are case-insensitive, and Azure itself is inconsistent about case
 * (`resourcegroups` in alert payloads, `resourceGroups` elsewhere): compare
 * them lower-cased.
 */
export function normalizeArmId(id: string): string {
  return id.trim().replace(/\/+$/, '').toLocaleLowerCase('en-US');
}

/** `/subscriptions/S/resourceGroups/RG/...` → `/subscriptions/s/resourcegroups/rg`, or undefined. */
export function resourceGroupIdOf(resourceId: string): string | undefined {
  const match = normalizeArmId(resourceId).match(
    /^(\/subscriptions\/[^/]+\/resourcegroups\/[^/]+)(\/|$)/,
  );
  return match?.[1];
}

/**
 * Whether an alert id is Azure's (`/subscriptions/…/alerts/…`). Alertmanager
 * and unrecognized webhook alerts have ids of their own and live only here.
 */
export function isAzureAlertId(alertId: string): boolean {
  return alertId.startsWith('/subscriptions/');
}
