variable "name" {
  type        = string
  description = "Name of the web app (also its `<name>.azurewebsites.net` host name), e.g. `app-mindful-moments-dev`."
  nullable    = false

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9-]{0,58}[a-z0-9]$", var.name))
    error_message = "A web app name has 2-60 lower-case letters, digits or '-' and neither starts nor ends with '-'."
  }
}

variable "plan_name" {
  type        = string
  description = "Name of the Linux App Service plan, e.g. `asp-mindful-moments-dev`."
  nullable    = false

  validation {
    condition     = can(regex("^[a-zA-Z0-9-]{1,60}$", var.plan_name))
    error_message = "A plan name has 1-60 letters, digits or '-'."
  }
}

variable "resource_group_name" {
  type        = string
  description = "Resource group of the plan and the app."
  nullable    = false
}

variable "location" {
  type        = string
  description = "Azure region, e.g. `westeurope`."
  nullable    = false
}

variable "sku_name" {
  type        = string
  description = "App Service plan SKU. The plan is B1; the Control Center's scale runbook moves it to B2 with an approval."
  default     = "B1"
  nullable    = false

  validation {
    condition     = contains(["B1", "B2", "B3", "S1", "S2", "S3", "P0v3", "P1v3", "P2v3", "P3v3"], var.sku_name)
    error_message = "The SKU must be a dedicated Linux SKU that supports VNet integration and always on (B1-B3, S1-S3, P0v3-P3v3)."
  }
}

variable "node_version" {
  type        = string
  description = "Node.js stack of the app. Node 20 reached end of life on 2026-04-30, so the current LTS is the default."
  default     = "22-lts"
  nullable    = false

  validation {
    condition     = contains(["22-lts", "24-lts"], var.node_version)
    error_message = "Use a supported Node LTS: 22-lts or 24-lts (20-lts reached end of life on 2026-04-30)."
  }
}

variable "virtual_network_subnet_id" {
  type        = string
  description = "ARM id of the subnet delegated to `Microsoft.Web/serverFarms` (regional VNet integration)."
  nullable    = false
}

variable "health_check_path" {
  type        = string
  description = "Path App Service probes on every instance; unhealthy instances are replaced."
  default     = "/health"
  nullable    = false

  validation {
    condition     = startswith(var.health_check_path, "/")
    error_message = "The health check path starts with '/'."
  }
}

variable "health_check_eviction_time_in_min" {
  type        = number
  description = "Minutes an instance may fail the health check before it is removed (azurerm 4.x requires it with `health_check_path`)."
  default     = 5
  nullable    = false

  validation {
    condition     = var.health_check_eviction_time_in_min >= 2 && var.health_check_eviction_time_in_min <= 10
    error_message = "The eviction time is 2 to 10 minutes."
  }
}

variable "app_settings" {
  type        = map(string)
  description = "App settings without secrets (secrets go in `key_vault_secret_settings`)."
  default     = {}
  nullable    = false
}

variable "key_vault_secret_settings" {
  type        = map(string)
  description = "App settings resolved from Key Vault: setting name => versionless secret id (`https://<vault>.vault.azure.net/secrets/<name>`)."
  default     = {}
  nullable    = false

  validation {
    condition     = alltrue([for id in values(var.key_vault_secret_settings) : can(regex("^https://[a-z0-9-]+\\.vault\\.azure\\.net/secrets/[A-Za-z0-9-]+/?$", id))])
    error_message = "Each value must be a versionless Key Vault secret id, https://<vault>.vault.azure.net/secrets/<name>."
  }
}

variable "key_vault_id" {
  type        = string
  description = "ARM id of the Key Vault the app reads its secrets from (the app's identity gets Key Vault Secrets User on it)."
  nullable    = false
}

variable "tags" {
  type        = map(string)
  description = "Tags for the plan and the app."
  default     = {}
  nullable    = false
}
