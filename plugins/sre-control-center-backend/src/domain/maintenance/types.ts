/**
 * Maintenance windows: for a set time, an alert processing rule in Azure
 * removes all action groups from a System's alerts, so nobody is paged for
 * work that was planned. Azure keeps the rule; nothing is stored here.
 */

/** Every rule this plugin creates starts with this; others are not ours to list or end. */
export const MAINTENANCE_RULE_PREFIX = 'sre-cc-maintenance-';

/** A rule that removes all action groups, as the Azure adapter reads it. */
export interface SuppressionRule {
  /** ARM id of the rule. */
  id: string;
  name: string;
  /** ARM ids the rule applies to. */
  scopes: string[];
  description: string | null;
  /** A one-off window; null when the schedule is not one the portal can read (recurring, another time zone, none). */
  window: { from: Date; until: Date } | null;
  enabled: boolean;
  /** Azure's systemData.createdBy: the backend's identity, not the person. */
  createdBy: string | null;
}

/** What the portal asks Azure to create. */
export interface SuppressionRequest {
  resourceGroupId: string;
  name: string;
  description: string;
  from: Date;
  until: Date;
}
