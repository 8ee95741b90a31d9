variable "name" {
  type        = string
  description = "Name of the virtual network, e.g. `vnet-mindful-moments-dev`."
  nullable    = false

  validation {
    condition     = can(regex("^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,62}[a-zA-Z0-9_]$", var.name))
    error_message = "A virtual network name has 2-64 letters, digits, '_', '.' or '-', starts with a letter or digit and ends with a letter, digit or '_'."
  }
}

variable "name_suffix" {
  type        = string
  description = "Suffix for the network security group names (`nsg-<subnet>-<suffix>`), e.g. `mindful-moments-dev`."
  nullable    = false

  validation {
    condition     = can(regex("^[a-z0-9-]{1,40}$", var.name_suffix))
    error_message = "The suffix has 1-40 lower-case letters, digits or '-'."
  }
}

variable "resource_group_name" {
  type        = string
  description = "Resource group the network resources are created in."
  nullable    = false
}

variable "location" {
  type        = string
  description = "Azure region, e.g. `westeurope`."
  nullable    = false
}

variable "address_space" {
  type        = list(string)
  description = "Address space of the virtual network."
  default     = ["10.0.0.0/16"]
  nullable    = false

  validation {
    condition     = length(var.address_space) > 0 && alltrue([for cidr in var.address_space : can(cidrhost(cidr, 0))])
    error_message = "The address space needs at least one CIDR block, each a valid CIDR."
  }
}

variable "app_subnet" {
  type = object({
    name           = string
    address_prefix = string
  })
  description = "Subnet delegated to `Microsoft.Web/serverFarms` for App Service VNet integration."
  default = {
    name           = "snet-app"
    address_prefix = "10.0.1.0/24"
  }
  nullable = false

  validation {
    condition     = can(cidrhost(var.app_subnet.address_prefix, 0)) && tonumber(split("/", var.app_subnet.address_prefix)[1]) <= 27
    error_message = "The app subnet must be a valid CIDR of /27 or larger (App Service VNet integration needs at least /28, /26 recommended)."
  }
}

variable "database_subnet" {
  type = object({
    name           = string
    address_prefix = string
  })
  description = "Subnet delegated to `Microsoft.DBforPostgreSQL/flexibleServers` for the database's private access."
  default = {
    name           = "snet-database"
    address_prefix = "10.0.2.0/24"
  }
  nullable = false

  validation {
    condition     = can(cidrhost(var.database_subnet.address_prefix, 0))
    error_message = "The database subnet must be a valid CIDR."
  }
}

variable "postgresql_private_dns_zone_name" {
  type        = string
  description = "Private DNS zone that resolves the PostgreSQL server inside the VNet. Azure requires a name ending in `.postgres.database.azure.com`."
  default     = "privatelink.postgres.database.azure.com"
  nullable    = false

  validation {
    condition     = endswith(var.postgresql_private_dns_zone_name, ".postgres.database.azure.com")
    error_message = "The private DNS zone of a PostgreSQL Flexible Server with private access must end in .postgres.database.azure.com."
  }
}

variable "tags" {
  type        = map(string)
  description = "Tags for every resource of the module."
  default     = {}
  nullable    = false
}
