/**
 * Names and ids of the seeded "Mindful Moments" world. Tests and the SRE
 * Control Center configuration refer to these, so they live in one place.
 */
export const SUBSCRIPTION_ID = '3f2b8c1e-7d4a-4e5b-9c6f-1a2b3c4d5e6f';
export const TENANT_ID = '7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f';
export const RESOURCE_GROUP = 'rg-mindful-moments-dev';
export const LOCATION = 'westeurope';
export const LOCATION_DISPLAY_NAME = 'West Europe';
export const CURRENCY = 'EUR';

export const SITE_NAME = 'app-mindful-moments-dev';
export const PLAN_NAME = 'asp-mindful-moments-dev';
export const POSTGRES_NAME = 'psql-mindful-moments-dev';
export const STORAGE_NAME = 'stmindfulmomentsdev';
export const KEY_VAULT_NAME = 'kv-mindful-moments-dev';
export const LOG_ANALYTICS_NAME = 'log-mindful-moments-dev';
export const APP_INSIGHTS_NAME = 'appi-mindful-moments-dev';
export const ACTION_GROUP_NAME = 'ag-mindful-moments-dev';
export const STAGING_SLOT_NAME = 'staging';
export const VNET_NAME = 'vnet-mindful-moments-dev';
export const POSTGRES_SUBNET_NAME = 'snet-postgres';
export const POSTGRES_PRIVATE_DNS_ZONE = `${POSTGRES_NAME}.private.postgres.database.azure.com`;

/** Storage account holding the Terraform state and the published outputs. */
export const STATE_STORAGE_NAME = 'sttfstatemindful';
export const STATE_CONTAINER = 'tfstate';
export const OUTPUTS_BLOB = 'mindful-moments-dev/outputs.json';
/** An action group with e-mail only: the rule using it never reaches the portal. */
export const EMAIL_ACTION_GROUP_NAME = 'ag-mindful-moments-email';

export const BUDGET_NAME = 'budget-mindful-moments-dev';
export const BUDGET_AMOUNT = 120;

export const GITHUB_OWNER = 'mindful-moments';
export const GITHUB_REPO = 'mindful-moments';
export const SRE_AGENT_LOGIN = 'azure-sre-agent[bot]';
/** Name the SRE agent leaves in `lastModifiedUserName` when it acknowledges. */
export const SRE_AGENT_DISPLAY_NAME = 'Azure SRE Agent';

const rgId = `/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/${RESOURCE_GROUP}`;

export const RESOURCE_GROUP_ID = rgId;
export const SITE_ID = `${rgId}/providers/Microsoft.Web/sites/${SITE_NAME}`;
export const PLAN_ID = `${rgId}/providers/Microsoft.Web/serverfarms/${PLAN_NAME}`;
export const POSTGRES_ID = `${rgId}/providers/Microsoft.DBforPostgreSQL/flexibleServers/${POSTGRES_NAME}`;
export const STORAGE_ID = `${rgId}/providers/Microsoft.Storage/storageAccounts/${STORAGE_NAME}`;
export const KEY_VAULT_ID = `${rgId}/providers/Microsoft.KeyVault/vaults/${KEY_VAULT_NAME}`;
export const LOG_ANALYTICS_ID = `${rgId}/providers/Microsoft.OperationalInsights/workspaces/${LOG_ANALYTICS_NAME}`;
export const APP_INSIGHTS_ID = `${rgId}/providers/Microsoft.Insights/components/${APP_INSIGHTS_NAME}`;
export const ACTION_GROUP_ID = `${rgId}/providers/microsoft.insights/actionGroups/${ACTION_GROUP_NAME}`;
export const POSTGRES_SUBNET_ID = `${rgId}/providers/Microsoft.Network/virtualNetworks/${VNET_NAME}/subnets/${POSTGRES_SUBNET_NAME}`;
export const POSTGRES_PRIVATE_DNS_ZONE_ID = `${rgId}/providers/Microsoft.Network/privateDnsZones/${POSTGRES_PRIVATE_DNS_ZONE}`;
export const EMAIL_ACTION_GROUP_ID = `${rgId}/providers/microsoft.insights/actionGroups/${EMAIL_ACTION_GROUP_NAME}`;
export const STATE_STORAGE_ID = `${rgId}/providers/Microsoft.Storage/storageAccounts/${STATE_STORAGE_NAME}`;
/** The budget as the Terraform creates it: at resource group scope. */
export const RESOURCE_GROUP_BUDGET_ID = `${rgId}/providers/Microsoft.Consumption/budgets/${BUDGET_NAME}`;
export const BUDGET_ID = `/subscriptions/${SUBSCRIPTION_ID}/providers/Microsoft.Consumption/budgets/${BUDGET_NAME}`;

export function metricAlertRuleId(ruleName: string): string {
  return `${rgId}/providers/microsoft.insights/metricAlerts/${ruleName}`;
}

export function alertResourceId(alertId: string): string {
  return `/subscriptions/${SUBSCRIPTION_ID}/providers/Microsoft.AlertsManagement/alerts/${alertId}`;
}
