variable "resource_group_name" {
  type        = string
  description = "Resource group of the monitoring resources."
  nullable    = false
}

variable "location" {
  type        = string
  description = "Azure region, e.g. `westeurope`."
  nullable    = false
}

variable "log_analytics_workspace_name" {
  type        = string
  description = "Name of the Log Analytics workspace, e.g. `log-mindful-moments-dev`."
  nullable    = false

  validation {
    condition     = can(regex("^[A-Za-z0-9][A-Za-z0-9-]{2,61}[A-Za-z0-9]$", var.log_analytics_workspace_name))
    error_message = "A workspace name has 4-63 letters, digits or '-' and neither starts nor ends with '-'."
  }
}

variable "retention_in_days" {
  type        = number
  description = "Days the workspace keeps data (PerGB2018 includes 31 days at no extra cost)."
  default     = 30
  nullable    = false

  validation {
    condition     = var.retention_in_days >= 30 && var.retention_in_days <= 730
    error_message = "PerGB2018 retention is 30 to 730 days."
  }
}

variable "application_insights_name" {
  type        = string
  description = "Name of the workspace-based Application Insights, e.g. `appi-mindful-moments-dev`."
  nullable    = false
}

variable "application_insights_daily_cap_gb" {
  type        = number
  description = "Daily ingestion cap of Application Insights in GB; ingestion stops for the day when it is reached."
  default     = 5
  nullable    = false

  validation {
    condition     = var.application_insights_daily_cap_gb > 0 && var.application_insights_daily_cap_gb <= 1000
    error_message = "The daily cap is more than 0 and at most 1000 GB."
  }
}

variable "action_group_name" {
  type        = string
  description = "Name of the action group, e.g. `ag-mindful-moments-dev`."
  nullable    = false
}

variable "action_group_short_name" {
  type        = string
  description = "Short name of the action group (shown in e-mails and SMS), at most 12 characters."
  nullable    = false

  validation {
    condition     = length(var.action_group_short_name) >= 1 && length(var.action_group_short_name) <= 12
    error_message = "The short name has 1 to 12 characters."
  }
}

variable "alert_emails" {
  type        = list(string)
  description = "E-mail addresses the action group notifies."
  default     = []
  nullable    = false

  validation {
    condition     = alltrue([for email in var.alert_emails : can(regex("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", email))])
    error_message = "Each entry must be an e-mail address."
  }
}

variable "control_center" {
  type = object({
    base_url   = string
    entity_ref = optional(string)
    aad_auth = optional(object({
      object_id      = string
      identifier_uri = optional(string)
      tenant_id      = optional(string)
    }))
  })
  description = <<-EOT
    The SRE Control Center the action group calls: its public base URL, optionally the System
    every alert of this group belongs to (`entity_ref`, e.g. `system:default/mindful-moments`),
    and `aad_auth` for Azure's secure webhook (Entra ID token instead of `?token=`).
  EOT
  nullable    = false

  validation {
    condition     = startswith(var.control_center.base_url, "https://")
    error_message = "The Control Center base URL must use https."
  }
}

variable "control_center_webhook_token" {
  type        = string
  description = "Shared webhook token (the backend's `sreControlCenter.webhookToken`), sent as `?token=`. Leave null with `control_center.aad_auth`."
  default     = null
  sensitive   = true

  validation {
    condition     = var.control_center_webhook_token == null || length(coalesce(var.control_center_webhook_token, "-")) >= 16
    error_message = "The webhook token has at least 16 characters (the backend refuses shorter ones)."
  }
}

variable "sre_agent_webhook_uri" {
  type        = string
  description = "Optional extra webhook receiver for the SRE agent. Not needed when the agent's incident platform is Azure Monitor."
  default     = null
}

variable "app_service_id" {
  type        = string
  description = "ARM id of the web app (response time and HTTP 5xx alerts)."
  nullable    = false
}

variable "app_service_plan_id" {
  type        = string
  description = "ARM id of the App Service plan (CPU and memory alerts)."
  nullable    = false
}

variable "postgresql_server_id" {
  type        = string
  description = "ARM id of the PostgreSQL Flexible Server (failed connections alert)."
  nullable    = false
}

variable "thresholds" {
  type = object({
    response_time_seconds       = optional(number, 5)
    http_5xx_count              = optional(number, 10)
    db_connections_failed_count = optional(number, 5)
    cpu_percent                 = optional(number, 80)
    memory_percent              = optional(number, 85)
  })
  description = "Alert thresholds. The defaults are the ones the Control Center's emulator and runbooks use."
  default     = {}
  nullable    = false

  validation {
    condition     = var.thresholds.cpu_percent > 0 && var.thresholds.cpu_percent <= 100 && var.thresholds.memory_percent > 0 && var.thresholds.memory_percent <= 100
    error_message = "CPU and memory thresholds are percentages (0-100]."
  }
}

variable "diagnostic_settings" {
  type = map(object({
    target_resource_id = string
    log_categories     = list(string)
  }))
  description = "Resources whose platform logs and metrics go to the workspace: a fixed key => target id and log categories."
  default     = {}
  nullable    = false
}

variable "tags" {
  type        = map(string)
  description = "Tags for the monitoring resources."
  default     = {}
  nullable    = false
}
