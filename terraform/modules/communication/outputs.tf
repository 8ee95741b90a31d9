output "id" {
  description = "ARM id of the Communication Services resource."
  value       = azurerm_communication_service.this.id
}

output "name" {
  description = "Name of the resource."
  value       = azurerm_communication_service.this.name
}

output "hostname" {
  description = "Host name, `<name>.<geo>.communication.azure.com`."
  value       = azurerm_communication_service.this.hostname
}

output "endpoint" {
  description = "Endpoint for the Call Automation client (`https://<hostname>/`)."
  value       = "https://${azurerm_communication_service.this.hostname}/"
}

output "immutable_resource_id" {
  description = "Immutable resource id: the audience of the JWTs on Call Automation callbacks."
  value       = data.azapi_resource.this.output.properties.immutableResourceId
}

output "data_location" {
  description = "Where the resource keeps its data."
  value       = azurerm_communication_service.this.data_location
}

output "caller_phone_number" {
  description = "Phone number calls come from (E.164), or null until one is bought and set."
  value       = var.caller_phone_number
}

output "primary_connection_string" {
  description = "Primary connection string (endpoint and access key) for the portal backend's Call Automation client."
  value       = azurerm_communication_service.this.primary_connection_string
  sensitive   = true
}
