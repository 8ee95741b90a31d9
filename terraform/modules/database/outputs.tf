output "id" {
  description = "ARM id of the PostgreSQL Flexible Server."
  value       = azurerm_postgresql_flexible_server.this.id
}

output "name" {
  description = "Name of the server."
  value       = azurerm_postgresql_flexible_server.this.name
}

output "fqdn" {
  description = "Host name of the server (resolves to its private address inside the VNet)."
  value       = azurerm_postgresql_flexible_server.this.fqdn
}

output "database_name" {
  description = "Name of the application database."
  value       = azurerm_postgresql_flexible_server_database.app.name
}

output "administrator_login" {
  description = "Administrator login (the password is in Key Vault only)."
  value       = azurerm_postgresql_flexible_server.this.administrator_login
}

output "administrator_password_secret_id" {
  description = "Versionless Key Vault id of the administrator password secret, for app settings as Key Vault references."
  value       = azurerm_key_vault_secret.administrator_password.versionless_id
}

output "sku_name" {
  description = "Compute SKU of the server."
  value       = azurerm_postgresql_flexible_server.this.sku_name
}

output "postgresql_version" {
  description = "Major PostgreSQL version."
  value       = azurerm_postgresql_flexible_server.this.version
}
