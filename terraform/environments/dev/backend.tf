# Remote state in Azure Storage, read and written with Entra ID (no account
# key). The state account lives outside this stack (terraform/README.md shows
# how to create it once); the deploying identity needs Storage Blob Data
# Contributor on it. CI adds `use_oidc` through ARM_USE_OIDC.
terraform {
  backend "azurerm" {
    resource_group_name  = "rg-mindful-moments-tfstate"
    storage_account_name = "stmindfulmomentstfstate"
    container_name       = "tfstate"
    key                  = "mindful-moments/dev.tfstate"
    use_azuread_auth     = true
  }
}
