output "id" {
  description = "ARM id of the vault, available once the secrets officers can write to it."
  value       = azurerm_key_vault.this.id

  depends_on = [azurerm_role_assignment.secrets_officer]
}

output "name" {
  description = "Name of the vault."
  value       = azurerm_key_vault.this.name
}

output "vault_uri" {
  description = "Data-plane URI, e.g. `https://kv-mindful-moments-dev.vault.azure.net/`."
  value       = azurerm_key_vault.this.vault_uri
}

output "secret_ids" {
  description = "Versionless ids of the secrets this module stores, by name (for Key Vault references)."
  value       = { for name, secret in azurerm_key_vault_secret.this : name => secret.versionless_id }
}
