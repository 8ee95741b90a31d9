variable "name" {
  type        = string
  description = "Name of the PostgreSQL Flexible Server, e.g. `psql-mindful-moments-dev`."
  nullable    = false

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$", var.name))
    error_message = "A server name has 3-63 lower-case letters, digits or '-' and neither starts nor ends with '-'."
  }
}

variable "resource_group_name" {
  type        = string
  description = "Resource group of the server."
  nullable    = false
}

variable "location" {
  type        = string
  description = "Azure region, e.g. `westeurope`."
  nullable    = false
}

variable "postgresql_version" {
  type        = string
  description = "Major PostgreSQL version."
  default     = "15"
  nullable    = false

  validation {
    condition     = contains(["13", "14", "15", "16", "17"], var.postgresql_version)
    error_message = "The version must be a PostgreSQL major version Flexible Server offers (13-17)."
  }
}

variable "sku_name" {
  type        = string
  description = "Compute SKU, `<tier>_<size>` (`B_` Burstable, `GP_` General Purpose, `MO_` Memory Optimized)."
  default     = "B_Standard_B1ms"
  nullable    = false

  validation {
    condition     = can(regex("^(B|GP|MO)_Standard_[A-Za-z0-9_]+$", var.sku_name))
    error_message = "The SKU looks like B_Standard_B1ms, GP_Standard_D2ds_v5 or MO_Standard_E2ds_v5."
  }
}

variable "storage_mb" {
  type        = number
  description = "Provisioned storage in MB (32 GB = 32768)."
  default     = 32768
  nullable    = false

  validation {
    condition     = contains([32768, 65536, 131072, 262144, 524288, 1048576, 2097152, 4193280, 4194304, 8388608, 16777216, 33553408], var.storage_mb)
    error_message = "storage_mb must be one of the sizes Flexible Server offers (32768 = 32 GB, 65536, 131072, ...)."
  }
}

variable "backup_retention_days" {
  type        = number
  description = "Days of point-in-time restore backups."
  default     = 7
  nullable    = false

  validation {
    condition     = var.backup_retention_days >= 7 && var.backup_retention_days <= 35
    error_message = "Backup retention is 7 to 35 days."
  }
}

variable "delegated_subnet_id" {
  type        = string
  description = "ARM id of the subnet delegated to `Microsoft.DBforPostgreSQL/flexibleServers`."
  nullable    = false
}

variable "private_dns_zone_id" {
  type        = string
  description = "ARM id of the private DNS zone linked to the VNet (e.g. `privatelink.postgres.database.azure.com`)."
  nullable    = false
}

variable "administrator_login" {
  type        = string
  description = "Administrator login. The password is generated, written only to the server and to Key Vault, and never stored in state."
  default     = "mmadmin"
  nullable    = false

  validation {
    condition     = can(regex("^[a-z][a-z0-9_]{0,62}$", var.administrator_login)) && !contains(["azure_superuser", "azure_pg_admin", "admin", "administrator", "root", "guest", "public"], var.administrator_login) && !startswith(var.administrator_login, "pg_")
    error_message = "The login starts with a letter, has at most 63 lower-case letters, digits or '_', and is not a reserved name (admin, administrator, root, guest, public, azure_superuser, azure_pg_admin, pg_*)."
  }
}

variable "administrator_password_version" {
  type        = number
  description = "Version of the generated administrator password; increase it to rotate the password on the server and in Key Vault."
  default     = 1
  nullable    = false

  validation {
    condition     = var.administrator_password_version >= 1 && floor(var.administrator_password_version) == var.administrator_password_version
    error_message = "The password version is a whole number from 1."
  }
}

variable "administrator_password_secret_name" {
  type        = string
  description = "Name of the Key Vault secret that holds the administrator password."
  default     = "postgresql-administrator-password"
  nullable    = false

  validation {
    condition     = can(regex("^[A-Za-z0-9-]{1,127}$", var.administrator_password_secret_name))
    error_message = "A Key Vault secret name has 1-127 letters, digits or '-'."
  }
}

variable "key_vault_id" {
  type        = string
  description = "ARM id of the Key Vault that stores the administrator password."
  nullable    = false
}

variable "database_name" {
  type        = string
  description = "Name of the application database."
  default     = "mindful_moments"
  nullable    = false

  validation {
    condition     = can(regex("^[a-z_][a-z0-9_]{0,62}$", var.database_name))
    error_message = "A database name has at most 63 lower-case letters, digits or '_' and does not start with a digit."
  }
}

variable "tenant_id" {
  type        = string
  description = "Entra ID tenant for Entra authentication (needed with `entra_administrator`)."
  default     = null
}

variable "entra_administrator" {
  type = object({
    object_id      = string
    principal_name = string
    principal_type = string
  })
  description = "Optional Entra ID administrator (a group is best); turns on Entra authentication next to password authentication."
  default     = null

  validation {
    condition     = var.entra_administrator == null || contains(["User", "Group", "ServicePrincipal"], try(var.entra_administrator.principal_type, ""))
    error_message = "principal_type is User, Group or ServicePrincipal."
  }
}

variable "tags" {
  type        = map(string)
  description = "Tags for the server and its secret."
  default     = {}
  nullable    = false
}
