output "id" {
  description = "ARM id of the SRE agent."
  value       = azapi_resource.agent.id
}

output "name" {
  description = "Name of the SRE agent."
  value       = azapi_resource.agent.name
}

output "endpoint" {
  description = "The agent's endpoint (its portal and data-plane API)."
  value       = try(azapi_resource.agent.output.properties.agentEndpoint, null)
}

output "identity_id" {
  description = "ARM id of the agent's user-assigned identity."
  value       = azurerm_user_assigned_identity.agent.id
}

output "identity_principal_id" {
  description = "Object id of the agent's user-assigned identity (its role assignments)."
  value       = azurerm_user_assigned_identity.agent.principal_id
}

output "identity_client_id" {
  description = "Client id of the agent's user-assigned identity."
  value       = azurerm_user_assigned_identity.agent.client_id
}

output "mode" {
  description = "Run mode of the agent."
  value       = var.mode
}

output "runbook_names" {
  description = "Names of the runbooks in the shared runbook file."
  value       = local.runbook_names
}

output "knowledge_document" {
  description = "The runbooks rendered as Markdown, for the agent's knowledge base (its ARM API takes no runbooks)."
  value       = local.knowledge_document
}
