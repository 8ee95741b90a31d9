variable "subscription_id" {
  type        = string
  description = "Subscription of the stack (azurerm 4.x requires it on the provider)."
  nullable    = false

  validation {
    condition     = can(regex("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$", var.subscription_id))
    error_message = "The subscription id is a GUID."
  }
}

variable "location" {
  type        = string
  description = "Region of the stack."
  default     = "westeurope"
  nullable    = false
}

variable "alert_emails" {
  type        = list(string)
  description = "Who gets alert and budget e-mails."
  default     = []
  nullable    = false
}

variable "control_center_base_url" {
  type        = string
  description = "Public base URL of the SRE Control Center backend, e.g. `https://sre.example.com` (the action group calls `/api/sre-control-center/webhooks/azure-monitor`)."
  nullable    = false
}

variable "control_center_webhook_token" {
  type        = string
  description = "The backend's `sreControlCenter.webhookToken` (SRE_CC_WEBHOOK_TOKEN), sent as `?token=`. Leave null when using `control_center_aad_auth`."
  default     = null
  sensitive   = true
}

variable "control_center_aad_auth" {
  type = object({
    object_id      = string
    identifier_uri = optional(string)
    tenant_id      = optional(string)
  })
  description = "Secure webhook (Entra ID) instead of the token: the app registration the backend checks tokens for (`sreControlCenter.webhookAuth.entra`)."
  default     = null
}

variable "deployer_ip_ranges" {
  type        = list(string)
  description = "Public IPs (CIDR) of whoever runs Terraform; Key Vault and Storage deny everything else, and Terraform writes Key Vault secrets."
  default     = []
  nullable    = false
}

variable "budget_start_date" {
  type        = string
  description = "First month of the budget, e.g. `2026-12-01T00:00:00Z` (the first of the current or a later month when the budget is created)."
  nullable    = false
}

variable "communication_caller_phone_number" {
  type        = string
  description = "E.164 number bought for the Communication Services resource, used as the caller id of on-call calls (null until bought)."
  default     = null
}

variable "sre_agent_enabled" {
  type        = bool
  description = "Create the Azure SRE Agent. Off by default: its always-on billing (4 AAU an hour, about 270 EUR a month) alone exceeds the stack's 120 EUR budget."
  default     = false
  nullable    = false
}

variable "sre_agent_location" {
  type        = string
  description = "Region of the SRE agent (offered in a few regions only; it manages resources in any)."
  default     = "swedencentral"
  nullable    = false
}
