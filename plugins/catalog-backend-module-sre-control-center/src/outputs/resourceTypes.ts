/**
 * Catalog `spec.type` of the Resource entity for an Azure resource type.
 * The names are the ones the SRE Control Center's cards and the Terraform
 * `sre_control_center_resources` output use.
 */
const KNOWN_TYPES: Record<string, string> = {
  'microsoft.web/sites': 'azure-app-service',
  'microsoft.web/serverfarms': 'azure-app-service-plan',
  'microsoft.dbforpostgresql/flexibleservers':
    'azure-postgresql-flexible-server',
  'microsoft.storage/storageaccounts': 'azure-storage-account',
  'microsoft.keyvault/vaults': 'azure-key-vault',
  'microsoft.operationalinsights/workspaces': 'azure-log-analytics-workspace',
  'microsoft.insights/components': 'azure-application-insights',
  'microsoft.insights/actiongroups': 'azure-monitor-action-group',
  'microsoft.insights/metricalerts': 'azure-monitor-metric-alert',
  'microsoft.network/virtualnetworks': 'azure-virtual-network',
  'microsoft.network/networksecuritygroups': 'azure-network-security-group',
  'microsoft.network/privatednszones': 'azure-private-dns-zone',
  'microsoft.managedidentity/userassignedidentities':
    'azure-user-assigned-identity',
  'microsoft.consumption/budgets': 'azure-budget',
  'microsoft.app/agents': 'azure-sre-agent',
};

/** `spec.type` values a structured output may use: `azure-` and lower-case words. */
export const SPEC_TYPE = /^azure-[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * `Microsoft.Web` + `sites` → `azure-app-service`; an unlisted top-level type
 * becomes `azure-<type in kebab case>` (`Microsoft.Cache/redis` → `azure-redis`).
 */
export function specTypeFor(namespace: string, type: string): string {
  const known = KNOWN_TYPES[`${namespace}/${type}`.toLowerCase()];
  if (known) return known;
  const kebab = type
    .split('/')
    .pop()!
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase();
  return `azure-${kebab}`;
}
