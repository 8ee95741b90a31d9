output "subscription_id" {
  description = "Subscription of the stack."
  value       = var.subscription_id
}

output "location" {
  description = "Region of the stack."
  value       = azurerm_resource_group.this.location
}

output "resource_group_id" {
  description = "ARM id of the resource group (the System's `sre-control-center/azure-resource-group` annotation)."
  value       = azurerm_resource_group.this.id
}

output "resource_group_name" {
  description = "Name of the resource group."
  value       = azurerm_resource_group.this.name
}

output "virtual_network_id" {
  description = "ARM id of the virtual network."
  value       = module.networking.virtual_network_id
}

output "virtual_network_name" {
  description = "Name of the virtual network."
  value       = module.networking.virtual_network_name
}

output "app_service_id" {
  description = "ARM id of the web app."
  value       = module.app_service.id
}

output "app_service_name" {
  description = "Name of the web app."
  value       = module.app_service.name
}

output "app_service_default_hostname" {
  description = "Default host name of the web app."
  value       = module.app_service.default_hostname
}

output "app_service_url" {
  description = "HTTPS URL of the web app (the deploy workflow's smoke test calls `/health` there)."
  value       = module.app_service.url
}

output "app_service_principal_id" {
  description = "Object id of the web app's system-assigned identity."
  value       = module.app_service.principal_id
}

output "app_service_node_version" {
  description = "Node.js stack of the web app."
  value       = module.app_service.node_version
}

output "app_service_plan_id" {
  description = "ARM id of the App Service plan."
  value       = module.app_service.plan_id
}

output "app_service_plan_name" {
  description = "Name of the App Service plan."
  value       = module.app_service.plan_name
}

output "app_service_plan_sku" {
  description = "SKU of the App Service plan."
  value       = module.app_service.plan_sku_name
}

output "postgresql_server_id" {
  description = "ARM id of the PostgreSQL Flexible Server."
  value       = module.database.id
}

output "postgresql_server_name" {
  description = "Name of the PostgreSQL Flexible Server."
  value       = module.database.name
}

output "postgresql_server_fqdn" {
  description = "Host name of the server (private)."
  value       = module.database.fqdn
}

output "postgresql_database_name" {
  description = "Name of the application database."
  value       = module.database.database_name
}

output "postgresql_administrator_password_secret_id" {
  description = "Key Vault secret (versionless id) holding the administrator password."
  value       = module.database.administrator_password_secret_id
}

output "storage_account_id" {
  description = "ARM id of the storage account."
  value       = module.storage.id
}

output "storage_account_name" {
  description = "Name of the storage account."
  value       = module.storage.name
}

output "storage_container_name" {
  description = "Name of the images container."
  value       = module.storage.container_name
}

output "storage_primary_blob_endpoint" {
  description = "Blob endpoint of the storage account."
  value       = module.storage.primary_blob_endpoint
}

output "key_vault_id" {
  description = "ARM id of the Key Vault."
  value       = module.key_vault.id
}

output "key_vault_name" {
  description = "Name of the Key Vault."
  value       = module.key_vault.name
}

output "key_vault_uri" {
  description = "Data-plane URI of the Key Vault."
  value       = module.key_vault.vault_uri
}

output "log_analytics_workspace_id" {
  description = "ARM id of the Log Analytics workspace."
  value       = module.monitoring.log_analytics_workspace_id
}

output "log_analytics_workspace_name" {
  description = "Name of the Log Analytics workspace."
  value       = module.monitoring.log_analytics_workspace_name
}

output "application_insights_id" {
  description = "ARM id of Application Insights."
  value       = module.monitoring.application_insights_id
}

output "application_insights_name" {
  description = "Name of Application Insights."
  value       = module.monitoring.application_insights_name
}

output "application_insights_connection_string" {
  description = "Connection string of Application Insights (also in Key Vault as `appinsights-connection-string`)."
  value       = module.monitoring.application_insights_connection_string
  sensitive   = true
}

output "action_group_id" {
  description = "ARM id of the action group that calls the Control Center."
  value       = module.monitoring.action_group_id
}

output "action_group_name" {
  description = "Name of the action group."
  value       = module.monitoring.action_group_name
}

output "alert_rule_ids" {
  description = "ARM ids of the metric alert rules, by rule name (the names runbook triggers use)."
  value       = module.monitoring.alert_rule_ids
}

output "budget_id" {
  description = "ARM id of the resource group budget."
  value       = module.budget.id
}

output "budget_name" {
  description = "Name of the budget (the System's `sre-control-center/budget` annotation)."
  value       = module.budget.name
}

output "budget_amount" {
  description = "Monthly budget in EUR."
  value       = module.budget.amount
}

output "communication_service_id" {
  description = "ARM id of the Communication Services resource."
  value       = module.communication.id
}

output "communication_service_name" {
  description = "Name of the Communication Services resource."
  value       = module.communication.name
}

output "communication_service_hostname" {
  description = "Host name of the Communication Services resource."
  value       = module.communication.hostname
}

output "communication_service_endpoint" {
  description = "Endpoint for the Call Automation client."
  value       = module.communication.endpoint
}

output "communication_service_immutable_resource_id" {
  description = "Immutable resource id: the audience of Call Automation callback JWTs."
  value       = module.communication.immutable_resource_id
}

output "communication_service_connection_string" {
  description = "Primary connection string of Communication Services (also in Key Vault as `acs-connection-string`)."
  value       = module.communication.primary_connection_string
  sensitive   = true
}

output "communication_service_connection_string_secret_id" {
  description = "Key Vault secret (versionless id) holding that connection string."
  value       = module.key_vault.secret_ids["acs-connection-string"]
}

output "communication_caller_phone_number" {
  description = "E.164 number on-call calls come from (empty until one is bought)."
  value       = coalesce(module.communication.caller_phone_number, "")
}

output "sre_agent_enabled" {
  description = "Whether the SRE agent is deployed."
  value       = var.sre_agent_enabled
}

output "sre_agent_id" {
  description = "ARM id of the SRE agent (empty while it is off)."
  value       = join("", module.sre_agent[*].id)
}

output "sre_agent_name" {
  description = "Name of the SRE agent (empty while it is off)."
  value       = join("", module.sre_agent[*].name)
}

output "sre_agent_endpoint" {
  description = "Endpoint of the SRE agent (empty while it is off)."
  value       = join("", [for agent in module.sre_agent : coalesce(agent.endpoint, "")])
}

output "sre_agent_identity_principal_id" {
  description = "Object id of the SRE agent's identity (empty while it is off)."
  value       = join("", module.sre_agent[*].identity_principal_id)
}

output "runbook_names" {
  description = "Runbooks in terraform/sre-agent/runbooks.yaml (the agent's and the portal's)."
  value       = [for runbook in local.runbooks : runbook.name]
}

output "sre_control_center_resources" {
  description = "Every Azure resource the portal's catalog shows: name => { id, name, type (the Resource entity's spec.type), depends_on (names) }."
  value       = local.sre_control_center_resources
}
