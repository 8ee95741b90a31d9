output "log_analytics_workspace_id" {
  description = "ARM id of the Log Analytics workspace."
  value       = azurerm_log_analytics_workspace.this.id
}

output "log_analytics_workspace_name" {
  description = "Name of the Log Analytics workspace."
  value       = azurerm_log_analytics_workspace.this.name
}

output "log_analytics_workspace_customer_id" {
  description = "Workspace (customer) id used by log queries."
  value       = azurerm_log_analytics_workspace.this.workspace_id
}

output "application_insights_id" {
  description = "ARM id of Application Insights."
  value       = azurerm_application_insights.this.id
}

output "application_insights_name" {
  description = "Name of Application Insights."
  value       = azurerm_application_insights.this.name
}

output "application_insights_app_id" {
  description = "Application id of Application Insights (for the SRE agent's log configuration)."
  value       = azurerm_application_insights.this.app_id
}

output "application_insights_connection_string" {
  description = "Connection string of Application Insights."
  value       = azurerm_application_insights.this.connection_string
  sensitive   = true
}

output "action_group_id" {
  description = "ARM id of the action group."
  value       = azurerm_monitor_action_group.this.id
}

output "action_group_name" {
  description = "Name of the action group."
  value       = azurerm_monitor_action_group.this.name
}

output "alert_rule_ids" {
  description = "ARM ids of the metric alert rules, by rule name."
  value       = { for name, rule in azurerm_monitor_metric_alert.this : name => rule.id }
}

output "alert_rule_names" {
  description = "Names of the metric alert rules."
  value       = keys(local.metric_alerts)
}
