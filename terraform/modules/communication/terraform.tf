terraform {
  required_version = ">= 1.11, < 2.0"

  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = ">= 4.42, < 5.0"
    }
    # azurerm 4.x does not export the resource's immutable id, which Call
    # Automation puts in the audience of its callback tokens.
    azapi = {
      source  = "azure/azapi"
      version = ">= 2.5, < 3.0"
    }
  }
}
