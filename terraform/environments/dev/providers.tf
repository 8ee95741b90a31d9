provider "azurerm" {
  # Required since azurerm 4.0 (or ARM_SUBSCRIPTION_ID).
  subscription_id = var.subscription_id

  # Storage data-plane calls with Entra ID: the account has no shared keys.
  storage_use_azuread = true

  # Register only the core set automatically, plus what this stack uses
  # beyond it; a least-privilege deployer cannot register everything.
  resource_provider_registrations = "core"
  resource_providers_to_register = [
    "Microsoft.AlertsManagement",
    "Microsoft.App",
    "Microsoft.Communication",
    "Microsoft.Consumption",
    "Microsoft.DBforPostgreSQL",
  ]

  features {
    key_vault {
      purge_soft_delete_on_destroy    = false
      recover_soft_deleted_key_vaults = true
    }

    resource_group {
      prevent_deletion_if_contains_resources = true
    }
  }
}

provider "azapi" {
  subscription_id = var.subscription_id
}
