variable "name" {
  type        = string
  description = "Name of the Key Vault (globally unique), e.g. `kv-mindful-moments-dev`."
  nullable    = false

  validation {
    condition     = can(regex("^[a-zA-Z][a-zA-Z0-9-]{1,22}[a-zA-Z0-9]$", var.name)) && !strcontains(var.name, "--")
    error_message = "A Key Vault name has 3-24 letters, digits or '-', starts with a letter, ends with a letter or digit and has no '--'."
  }
}

variable "resource_group_name" {
  type        = string
  description = "Resource group of the vault."
  nullable    = false
}

variable "location" {
  type        = string
  description = "Azure region, e.g. `westeurope`."
  nullable    = false
}

variable "tenant_id" {
  type        = string
  description = "Entra ID tenant of the vault."
  nullable    = false

  validation {
    condition     = can(regex("^[0-9a-fA-F-]{36}$", var.tenant_id))
    error_message = "The tenant id is a GUID."
  }
}

variable "sku_name" {
  type        = string
  description = "Vault SKU: standard, or premium for HSM-backed keys."
  default     = "standard"
  nullable    = false

  validation {
    condition     = contains(["standard", "premium"], var.sku_name)
    error_message = "The SKU is standard or premium."
  }
}

variable "soft_delete_retention_days" {
  type        = number
  description = "Days a deleted vault or secret can be recovered (soft delete is always on)."
  default     = 7
  nullable    = false

  validation {
    condition     = var.soft_delete_retention_days >= 7 && var.soft_delete_retention_days <= 90
    error_message = "Soft delete retention is 7 to 90 days."
  }
}

variable "purge_protection_enabled" {
  type        = bool
  description = "Forbid purging deleted secrets before the retention ends. Once on it cannot be turned off."
  default     = true
  nullable    = false
}

variable "allowed_subnet_ids" {
  type        = list(string)
  description = "Subnets admitted through the vault's firewall (they need the `Microsoft.KeyVault` service endpoint)."
  default     = []
  nullable    = false
}

variable "allowed_ip_ranges" {
  type        = list(string)
  description = "Public IPs or CIDR ranges admitted through the firewall; the deploying runner must be one of them to write secrets."
  default     = []
  nullable    = false
}

variable "secrets_officers" {
  type        = map(string)
  description = "Principals that manage secrets (Key Vault Secrets Officer): a fixed key => object id, e.g. `{ deployer = <object id> }`."
  default     = {}
  nullable    = false
}

variable "secrets" {
  type        = map(string)
  description = "Secrets to store: name => value. For values Terraform generates itself, prefer write-only arguments (see the database module)."
  default     = {}
  nullable    = false
  sensitive   = true
}

variable "tags" {
  type        = map(string)
  description = "Tags for the vault and its secrets."
  default     = {}
  nullable    = false
}
