terraform {
  required_version = ">= 1.11, < 2.0"

  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = ">= 4.42, < 5.0"
    }
    # Microsoft.App/agents has no azurerm resource; azapi 2.5 brings
    # sensitive_body_version (secrets sent without being stored in state).
    azapi = {
      source  = "azure/azapi"
      version = ">= 2.5, < 3.0"
    }
  }
}
