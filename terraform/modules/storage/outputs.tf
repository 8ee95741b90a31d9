output "id" {
  description = "ARM id of the storage account."
  value       = azurerm_storage_account.this.id
}

output "name" {
  description = "Name of the storage account."
  value       = azurerm_storage_account.this.name
}

output "primary_blob_endpoint" {
  description = "Blob endpoint, e.g. `https://stmindfulmomentsdev.blob.core.windows.net/`."
  value       = azurerm_storage_account.this.primary_blob_endpoint
}

output "container_name" {
  description = "Name of the images container."
  value       = azurerm_storage_container.images.name
}

output "container_id" {
  description = "ARM id of the images container."
  value       = azurerm_storage_container.images.id
}
