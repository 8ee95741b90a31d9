terraform {
  required_version = ">= 1.11, < 2.0"

  # Checked offline against the azurerm 4.73 schema (terraform/tests); commit
  # .terraform.lock.hcl after the first `terraform init`.
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.73"
    }
    azapi = {
      source  = "azure/azapi"
      version = "~> 2.5"
    }
    random = {
      source  = "hashicorp/random"
      version = "~> 3.7"
    }
  }
}
