resource "azurerm_consumption_budget_resource_group" "this" {
  name              = var.name
  resource_group_id = var.resource_group_id
  amount            = var.amount
  time_grain        = "Monthly"

  time_period {
    start_date = var.start_date
  }

  dynamic "notification" {
    for_each = local.notifications

    content {
      enabled        = true
      threshold      = notification.value.threshold
      threshold_type = notification.value.threshold_type
      operator       = "GreaterThanOrEqualTo"
      contact_emails = var.contact_emails
      contact_groups = [var.action_group_id]
    }
  }

  lifecycle {
    # Azure refuses a start date in the past once the budget exists.
    ignore_changes = [time_period]
  }
}
