resource "azurerm_communication_service" "this" {
  name                = var.name
  resource_group_name = var.resource_group_name
  data_location       = var.data_location
  tags                = var.tags
}

# Read back what azurerm does not expose: the immutable resource id (the
# audience of Call Automation's callback JWTs) and the host name.
data "azapi_resource" "this" {
  type        = "Microsoft.Communication/communicationServices@2023-04-01"
  resource_id = azurerm_communication_service.this.id

  response_export_values = ["properties.immutableResourceId", "properties.hostName"]
}
