variable "name" {
  type        = string
  description = "Name of the budget; the Control Center finds it by this name (`sre-control-center/budget` annotation), e.g. `budget-mindful-moments-dev`."
  nullable    = false

  validation {
    condition     = can(regex("^[A-Za-z0-9_-]{1,63}$", var.name))
    error_message = "A budget name has 1-63 letters, digits, '_' or '-'."
  }
}

variable "resource_group_id" {
  type        = string
  description = "ARM id of the resource group the budget covers."
  nullable    = false

  validation {
    condition     = can(regex("^/subscriptions/[^/]+/resourceGroups/[^/]+$", var.resource_group_id))
    error_message = "The scope is a resource group id, /subscriptions/<id>/resourceGroups/<name>."
  }
}

variable "amount" {
  type        = number
  description = "Monthly budget in the billing currency (EUR for Mindful Moments)."
  default     = 120
  nullable    = false

  validation {
    condition     = var.amount > 0
    error_message = "The budget amount is positive."
  }
}

variable "start_date" {
  type        = string
  description = "First day of the first budget month, RFC 3339 (`2026-12-01T00:00:00Z`). Azure wants the first of a month, not before the current one."
  nullable    = false

  validation {
    condition     = can(regex("^\\d{4}-\\d{2}-01T00:00:00Z$", var.start_date))
    error_message = "The start date is the first of a month at midnight UTC, e.g. 2026-12-01T00:00:00Z."
  }
}

variable "contact_emails" {
  type        = list(string)
  description = "E-mail addresses notified at each threshold."
  default     = []
  nullable    = false
}

variable "action_group_id" {
  type        = string
  description = "Action group notified at each threshold (it reaches the Control Center's webhook)."
  nullable    = false
}
