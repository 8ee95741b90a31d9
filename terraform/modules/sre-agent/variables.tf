variable "name" {
  type        = string
  description = "Name of the SRE agent (`Microsoft.App/agents`), e.g. `sre-mindful-moments-dev`."
  nullable    = false

  validation {
    condition     = can(regex("^[A-Za-z]([-A-Za-z0-9]{0,30}[A-Za-z0-9])$", var.name))
    error_message = "An agent name starts with a letter, has 2-32 letters, digits or '-', and does not end with '-'."
  }
}

variable "resource_group_name" {
  type        = string
  description = "Resource group of the agent and its identity."
  nullable    = false
}

variable "resource_group_id" {
  type        = string
  description = "ARM id of that resource group: the agent's parent, the scope of its roles and (by default) the resources it manages."
  nullable    = false

  validation {
    condition     = can(regex("^/subscriptions/[^/]+/resourceGroups/[^/]+$", var.resource_group_id))
    error_message = "The id is /subscriptions/<id>/resourceGroups/<name>."
  }
}

variable "location" {
  type        = string
  description = "Region of the agent itself. The SRE Agent runs in a few regions only; it manages resources in any region."
  default     = "swedencentral"
  nullable    = false

  validation {
    condition     = contains(["swedencentral", "eastus2", "australiaeast"], var.location)
    error_message = "The SRE Agent is offered in swedencentral, eastus2 and australiaeast."
  }
}

variable "identity_name" {
  type        = string
  description = "Name of the agent's user-assigned identity, e.g. `id-sre-mindful-moments-dev`."
  nullable    = false
}

variable "identity_location" {
  type        = string
  description = "Region of the agent's identity (the resource group's region)."
  nullable    = false
}

variable "api_version" {
  type        = string
  description = "API version of `Microsoft.App/agents`."
  default     = "2026-01-01"
  nullable    = false

  validation {
    condition     = can(regex("^\\d{4}-\\d{2}-\\d{2}(-preview)?$", var.api_version))
    error_message = "An API version looks like 2026-01-01 or 2025-05-01-preview."
  }
}

variable "mode" {
  type        = string
  description = "Run mode: Review (infrastructure actions wait for an approval), Autonomous or ReadOnly."
  default     = "Review"
  nullable    = false

  validation {
    condition     = contains(["Review", "Autonomous", "ReadOnly"], var.mode)
    error_message = "The mode is Review, Autonomous or ReadOnly."
  }
}

variable "access_level" {
  type        = string
  description = "High: the agent acts with its own identity (after approval in Review mode); Low: read only."
  default     = "High"
  nullable    = false

  validation {
    condition     = contains(["High", "Low"], var.access_level)
    error_message = "The access level is High or Low."
  }
}

variable "upgrade_channel" {
  type        = string
  description = "Upgrade channel of the agent."
  default     = "Stable"
  nullable    = false

  validation {
    condition     = contains(["Stable", "Preview"], var.upgrade_channel)
    error_message = "The upgrade channel is Stable or Preview."
  }
}

variable "managed_resource_ids" {
  type        = list(string)
  description = "Resources (usually resource groups) the agent watches; defaults to its own resource group."
  default     = null
}

variable "runbooks_file" {
  type        = string
  description = "Path of the runbook file shared with the SRE Control Center (`terraform/sre-agent/runbooks.yaml`), a YAML map with a `runbooks` list."
  nullable    = false

  validation {
    condition     = fileexists(var.runbooks_file) && can(yamldecode(file(var.runbooks_file)).runbooks[0].name)
    error_message = "The runbook file must exist and hold a non-empty `runbooks` list whose entries have a name."
  }
}

variable "alert_rule_names" {
  type        = list(string)
  description = "Names of the stack's alert rules; every runbook trigger must be one of them."
  nullable    = false
}

variable "application_insights_app_id" {
  type        = string
  description = "Application id of the app's Application Insights, for the agent's log configuration."
  nullable    = false
}

variable "application_insights_connection_string" {
  type        = string
  description = "Connection string of that Application Insights (sent write-only)."
  sensitive   = true
  nullable    = false
}

variable "application_insights_connection_string_version" {
  type        = number
  description = "Increase to send the connection string again (it is not stored in state, so changes are not detected)."
  default     = 1
  nullable    = false
}

variable "tags" {
  type        = map(string)
  description = "Tags for the agent and its identity."
  default     = {}
  nullable    = false
}
