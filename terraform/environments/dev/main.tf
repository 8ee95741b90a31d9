# Mindful Moments, dev: App Service B1 + PostgreSQL Flexible Server B1ms on a
# private network, Storage, Key Vault, Log Analytics + Application Insights,
# alerts to the SRE Control Center, a 120 EUR budget, Communication Services
# for on-call calls and (opt-in, see sre_agent_enabled) the Azure SRE Agent.

data "azurerm_client_config" "current" {}

resource "azurerm_resource_group" "this" {
  name     = local.names.resource_group
  location = var.location
  tags     = local.tags
}

module "networking" {
  source = "../../modules/networking"

  name                = local.names.virtual_network
  name_suffix         = local.suffix
  resource_group_name = azurerm_resource_group.this.name
  location            = azurerm_resource_group.this.location
  address_space       = ["10.0.0.0/16"]
  app_subnet = {
    name           = "snet-app"
    address_prefix = "10.0.1.0/24"
  }
  database_subnet = {
    name           = "snet-database"
    address_prefix = "10.0.2.0/24"
  }
  postgresql_private_dns_zone_name = "privatelink.postgres.database.azure.com"
  tags                             = local.tags
}

module "key_vault" {
  source = "../../modules/key-vault"

  name                       = local.names.key_vault
  resource_group_name        = azurerm_resource_group.this.name
  location                   = azurerm_resource_group.this.location
  tenant_id                  = data.azurerm_client_config.current.tenant_id
  soft_delete_retention_days = 7
  purge_protection_enabled   = true
  allowed_subnet_ids         = [module.networking.app_subnet_id]
  allowed_ip_ranges          = var.deployer_ip_ranges
  secrets_officers = {
    deployer = data.azurerm_client_config.current.object_id
  }
  secrets = {
    "appinsights-connection-string" = module.monitoring.application_insights_connection_string
    "acs-connection-string"         = module.communication.primary_connection_string
  }
  tags = local.tags
}

module "database" {
  source = "../../modules/database"

  name                  = local.names.postgresql
  resource_group_name   = azurerm_resource_group.this.name
  location              = azurerm_resource_group.this.location
  postgresql_version    = "15"
  sku_name              = "B_Standard_B1ms"
  storage_mb            = 32768
  backup_retention_days = 7
  delegated_subnet_id   = module.networking.database_subnet_id
  private_dns_zone_id   = module.networking.postgresql_private_dns_zone_id
  key_vault_id          = module.key_vault.id
  tenant_id             = data.azurerm_client_config.current.tenant_id
  tags                  = local.tags
}

module "storage" {
  source = "../../modules/storage"

  name                  = local.names.storage_account
  resource_group_name   = azurerm_resource_group.this.name
  location              = azurerm_resource_group.this.location
  replication_type      = "LRS"
  container_name        = "mindful-images"
  delete_retention_days = 7
  allowed_subnet_ids    = [module.networking.app_subnet_id]
  allowed_ip_ranges     = var.deployer_ip_ranges
  blob_data_contributors = {
    app = module.app_service.principal_id
  }
  tags = local.tags
}

module "app_service" {
  source = "../../modules/app-service"

  name                              = local.names.app_service
  plan_name                         = local.names.app_service_plan
  resource_group_name               = azurerm_resource_group.this.name
  location                          = azurerm_resource_group.this.location
  sku_name                          = "B1"
  node_version                      = "22-lts"
  virtual_network_subnet_id         = module.networking.app_subnet_id
  health_check_path                 = "/health"
  health_check_eviction_time_in_min = 5
  key_vault_id                      = module.key_vault.id
  app_settings = {
    NODE_ENV                       = "production"
    SCM_DO_BUILD_DURING_DEPLOYMENT = "false"
    PGHOST                         = module.database.fqdn
    PGPORT                         = "5432"
    PGDATABASE                     = module.database.database_name
    PGUSER                         = module.database.administrator_login
    PGSSLMODE                      = "require"
    AZURE_STORAGE_BLOB_ENDPOINT    = module.storage.primary_blob_endpoint
    AZURE_STORAGE_CONTAINER        = module.storage.container_name
  }
  key_vault_secret_settings = {
    PGPASSWORD                            = module.database.administrator_password_secret_id
    APPLICATIONINSIGHTS_CONNECTION_STRING = module.key_vault.secret_ids["appinsights-connection-string"]
  }
  tags = local.tags
}

module "monitoring" {
  source = "../../modules/monitoring"

  resource_group_name               = azurerm_resource_group.this.name
  location                          = azurerm_resource_group.this.location
  log_analytics_workspace_name      = local.names.log_analytics
  retention_in_days                 = 30
  application_insights_name         = local.names.app_insights
  application_insights_daily_cap_gb = 5
  action_group_name                 = local.names.action_group
  action_group_short_name           = "mm-dev"
  alert_emails                      = var.alert_emails
  control_center = {
    base_url   = var.control_center_base_url
    entity_ref = local.system_entity_ref
    aad_auth   = var.control_center_aad_auth
  }
  control_center_webhook_token = var.control_center_webhook_token
  app_service_id               = module.app_service.id
  app_service_plan_id          = module.app_service.plan_id
  postgresql_server_id         = module.database.id
  diagnostic_settings = {
    app-service = {
      target_resource_id = module.app_service.id
      log_categories     = ["AppServiceHTTPLogs", "AppServiceConsoleLogs", "AppServiceAppLogs"]
    }
    postgresql = {
      target_resource_id = module.database.id
      log_categories     = ["PostgreSQLLogs"]
    }
  }
  tags = local.tags
}

module "budget" {
  source = "../../modules/budget"

  name              = local.names.budget
  resource_group_id = azurerm_resource_group.this.id
  amount            = 120
  start_date        = var.budget_start_date
  contact_emails    = var.alert_emails
  action_group_id   = module.monitoring.action_group_id
}

module "communication" {
  source = "../../modules/communication"

  name                = local.names.communication
  resource_group_name = azurerm_resource_group.this.name
  data_location       = "Europe"
  caller_phone_number = var.communication_caller_phone_number
  tags                = local.tags
}

# Opt-in: the agent's always-on billing alone is above the 120 EUR budget
# (see cost-estimate.json and the README).
module "sre_agent" {
  source = "../../modules/sre-agent"
  count  = var.sre_agent_enabled ? 1 : 0

  name                                   = local.names.sre_agent
  resource_group_name                    = azurerm_resource_group.this.name
  resource_group_id                      = azurerm_resource_group.this.id
  location                               = var.sre_agent_location
  identity_name                          = local.names.sre_identity
  identity_location                      = azurerm_resource_group.this.location
  mode                                   = "Review"
  access_level                           = "High"
  runbooks_file                          = local.runbooks_file
  alert_rule_names                       = module.monitoring.alert_rule_names
  application_insights_app_id            = module.monitoring.application_insights_app_id
  application_insights_connection_string = module.monitoring.application_insights_connection_string
  tags                                   = local.tags
}

# The runbooks are checked even while the agent is off: the portal runs them.
check "runbooks_match_the_stack" {
  assert {
    condition = alltrue([
      for runbook in local.runbooks :
      try(runbook.trigger.alert, null) == null || contains(module.monitoring.alert_rule_names, try(runbook.trigger.alert, ""))
    ])
    error_message = "A runbook in terraform/sre-agent/runbooks.yaml is triggered by an alert rule this stack does not create."
  }

  assert {
    condition = alltrue(flatten([
      for runbook in local.runbooks : [
        for action in runbook.actions :
        contains([local.names.app_service, local.names.app_service_plan, local.names.postgresql], action.resource)
      ]
    ]))
    error_message = "A runbook action in terraform/sre-agent/runbooks.yaml names a resource this stack does not create."
  }
}
