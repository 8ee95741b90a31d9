import {
  ACTION_GROUP_ID,
  APP_INSIGHTS_ID,
  APP_INSIGHTS_NAME,
  KEY_VAULT_ID,
  KEY_VAULT_NAME,
  LOG_ANALYTICS_ID,
  LOG_ANALYTICS_NAME,
  PLAN_ID,
  PLAN_NAME,
  POSTGRES_ID,
  POSTGRES_NAME,
  RESOURCE_GROUP,
  RESOURCE_GROUP_ID,
  SITE_ID,
  SITE_NAME,
  STORAGE_ID,
  STORAGE_NAME,
  SUBSCRIPTION_ID,
} from './constants';

const output = (value: unknown, type: unknown = 'string') => ({
  sensitive: false,
  type,
  value,
});

/** The stack's resources as the `sre_control_center_resources` output lists them. */
export const STACK_RESOURCES = [
  { id: SITE_ID, name: SITE_NAME, type: 'azure-app-service' },
  { id: PLAN_ID, name: PLAN_NAME, type: 'azure-app-service-plan' },
  {
    id: POSTGRES_ID,
    name: POSTGRES_NAME,
    type: 'azure-postgresql-flexible-server',
  },
  { id: STORAGE_ID, name: STORAGE_NAME, type: 'azure-storage-account' },
  { id: KEY_VAULT_ID, name: KEY_VAULT_NAME, type: 'azure-key-vault' },
  {
    id: LOG_ANALYTICS_ID,
    name: LOG_ANALYTICS_NAME,
    type: 'azure-log-analytics-workspace',
  },
  {
    id: APP_INSIGHTS_ID,
    name: APP_INSIGHTS_NAME,
    type: 'azure-application-insights',
  },
];

/**
 * `terraform output -json` of terraform/environments/dev for the seeded
 * world: per-resource `*_id`/`*_name` outputs plus the structured
 * `sre_control_center_resources` list the portal's catalog module reads.
 */
export function terraformOutputs(): Record<string, unknown> {
  return {
    subscription_id: output(SUBSCRIPTION_ID),
    resource_group_name: output(RESOURCE_GROUP),
    resource_group_id: output(RESOURCE_GROUP_ID),
    app_service_id: output(SITE_ID),
    app_service_name: output(SITE_NAME),
    app_service_default_hostname: output(`${SITE_NAME}.azurewebsites.net`),
    app_service_principal_id: output('5b1f0a7e-2c3d-4e5f-8a9b-0c1d2e3f4a5b'),
    app_service_plan_id: output(PLAN_ID),
    app_service_plan_name: output(PLAN_NAME),
    postgresql_server_id: output(POSTGRES_ID),
    postgresql_server_name: output(POSTGRES_NAME),
    postgresql_fqdn: output(`${POSTGRES_NAME}.postgres.database.azure.com`),
    storage_account_id: output(STORAGE_ID),
    storage_account_name: output(STORAGE_NAME),
    key_vault_id: output(KEY_VAULT_ID),
    key_vault_name: output(KEY_VAULT_NAME),
    key_vault_uri: output(`https://${KEY_VAULT_NAME}.vault.azure.net/`),
    log_analytics_workspace_id: output(LOG_ANALYTICS_ID),
    log_analytics_workspace_name: output(LOG_ANALYTICS_NAME),
    application_insights_id: output(APP_INSIGHTS_ID),
    application_insights_name: output(APP_INSIGHTS_NAME),
    action_group_id: output(ACTION_GROUP_ID),
    sre_control_center_resources: output(STACK_RESOURCES, [
      'list',
      ['object', { id: 'string', name: 'string', type: 'string' }],
    ]),
  };
}
