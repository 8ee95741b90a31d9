output "id" {
  description = "ARM id of the web app."
  value       = azurerm_linux_web_app.this.id
}

output "name" {
  description = "Name of the web app."
  value       = azurerm_linux_web_app.this.name
}

output "default_hostname" {
  description = "Default host name of the web app (`<name>.azurewebsites.net`)."
  value       = azurerm_linux_web_app.this.default_hostname
}

output "url" {
  description = "HTTPS URL of the web app."
  value       = "https://${azurerm_linux_web_app.this.default_hostname}"
}

output "principal_id" {
  description = "Object id of the web app's system-assigned identity."
  value       = azurerm_linux_web_app.this.identity[0].principal_id
}

output "plan_id" {
  description = "ARM id of the App Service plan."
  value       = azurerm_service_plan.this.id
}

output "plan_name" {
  description = "Name of the App Service plan."
  value       = azurerm_service_plan.this.name
}

output "plan_sku_name" {
  description = "SKU of the App Service plan."
  value       = azurerm_service_plan.this.sku_name
}

output "node_version" {
  description = "Node.js stack the app runs."
  value       = var.node_version
}
