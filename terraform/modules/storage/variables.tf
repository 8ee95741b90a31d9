variable "name" {
  type        = string
  description = "Name of the storage account (globally unique), e.g. `stmindfulmomentsdev`."
  nullable    = false

  validation {
    condition     = can(regex("^[a-z0-9]{3,24}$", var.name))
    error_message = "A storage account name has 3-24 lower-case letters or digits."
  }
}

variable "resource_group_name" {
  type        = string
  description = "Resource group of the storage account."
  nullable    = false
}

variable "location" {
  type        = string
  description = "Azure region, e.g. `westeurope`."
  nullable    = false
}

variable "replication_type" {
  type        = string
  description = "Replication of the account; LRS keeps the dev stack inside its budget."
  default     = "LRS"
  nullable    = false

  validation {
    condition     = contains(["LRS", "ZRS", "GRS", "RAGRS", "GZRS", "RAGZRS"], var.replication_type)
    error_message = "The replication type is one of LRS, ZRS, GRS, RAGRS, GZRS, RAGZRS."
  }
}

variable "container_name" {
  type        = string
  description = "Private blob container for the app's images."
  default     = "mindful-images"
  nullable    = false

  validation {
    condition     = can(regex("^[a-z0-9](?:[a-z0-9]|-[a-z0-9]){2,62}$", var.container_name))
    error_message = "A container name has 3-63 lower-case letters, digits or single '-' between them."
  }
}

variable "delete_retention_days" {
  type        = number
  description = "Days deleted blobs and containers can be restored."
  default     = 7
  nullable    = false

  validation {
    condition     = var.delete_retention_days >= 1 && var.delete_retention_days <= 365
    error_message = "The retention is 1 to 365 days."
  }
}

variable "allowed_subnet_ids" {
  type        = list(string)
  description = "Subnets admitted through the account's firewall (they need the `Microsoft.Storage` service endpoint)."
  default     = []
  nullable    = false
}

variable "allowed_ip_ranges" {
  type        = list(string)
  description = "Public IPs or CIDR ranges admitted through the firewall (e.g. the deploying runner); everything else is denied."
  default     = []
  nullable    = false
}

variable "blob_data_contributors" {
  type        = map(string)
  description = "Identities that get Storage Blob Data Contributor on the account: a fixed key => principal (object) id, e.g. `{ app = <web app identity> }`."
  default     = {}
  nullable    = false
}

variable "tags" {
  type        = map(string)
  description = "Tags for the storage account."
  default     = {}
  nullable    = false
}
