variable "name" {
  type        = string
  description = "Name of the Communication Services resource (globally unique, it is its host name), e.g. `acs-mindful-moments-dev`."
  nullable    = false

  validation {
    condition     = can(regex("^[a-zA-Z0-9][a-zA-Z0-9-]{0,61}[a-zA-Z0-9]$", var.name))
    error_message = "A Communication Services name has 2-63 letters, digits or '-' and neither starts nor ends with '-'."
  }
}

variable "resource_group_name" {
  type        = string
  description = "Resource group of the resource (Communication Services is a global resource; `data_location` decides where data rests)."
  nullable    = false
}

variable "data_location" {
  type        = string
  description = "Where the resource keeps its data at rest."
  default     = "Europe"
  nullable    = false

  validation {
    condition     = contains(["Africa", "Asia Pacific", "Australia", "Brazil", "Canada", "Europe", "France", "Germany", "India", "Japan", "Korea", "Norway", "Switzerland", "UAE", "UK", "United States", "usgov"], var.data_location)
    error_message = "data_location must be one of the Communication Services data locations (Europe, France, Germany, UK, United States, ...)."
  }
}

variable "caller_phone_number" {
  type        = string
  description = "Phone number (E.164) the on-call calls come from. Numbers are bought in the portal or through the phone numbers API (Terraform cannot), then set here."
  default     = null

  validation {
    condition     = var.caller_phone_number == null || can(regex("^\\+[1-9][0-9]{6,14}$", var.caller_phone_number))
    error_message = "The phone number is in E.164 form, e.g. +4930123456789."
  }
}

variable "tags" {
  type        = map(string)
  description = "Tags for the resource."
  default     = {}
  nullable    = false
}
