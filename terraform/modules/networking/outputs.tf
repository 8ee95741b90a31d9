output "virtual_network_id" {
  description = "ARM id of the virtual network."
  value       = azurerm_virtual_network.this.id
}

output "virtual_network_name" {
  description = "Name of the virtual network."
  value       = azurerm_virtual_network.this.name
}

output "app_subnet_id" {
  description = "ARM id of the subnet delegated to App Service (for `virtual_network_subnet_id`)."
  value       = azurerm_subnet.app.id
}

output "app_subnet_address_prefix" {
  description = "Address prefix of the app subnet."
  value       = var.app_subnet.address_prefix
}

output "database_subnet_id" {
  description = "ARM id of the subnet delegated to PostgreSQL Flexible Server (for `delegated_subnet_id`)."
  value       = azurerm_subnet.database.id
}

output "database_network_security_group_id" {
  description = "ARM id of the database subnet's network security group."
  value       = azurerm_network_security_group.database.id
}

output "postgresql_private_dns_zone_id" {
  description = "ARM id of the PostgreSQL private DNS zone, available once the zone is linked to the VNet (the server's creation fails before that)."
  value       = azurerm_private_dns_zone.postgresql.id

  depends_on = [azurerm_private_dns_zone_virtual_network_link.postgresql]
}

output "postgresql_private_dns_zone_name" {
  description = "Name of the PostgreSQL private DNS zone."
  value       = azurerm_private_dns_zone.postgresql.name
}
