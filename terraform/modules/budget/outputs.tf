output "id" {
  description = "ARM id of the budget."
  value       = azurerm_consumption_budget_resource_group.this.id
}

output "name" {
  description = "Name of the budget."
  value       = azurerm_consumption_budget_resource_group.this.name
}

output "amount" {
  description = "Monthly amount of the budget."
  value       = azurerm_consumption_budget_resource_group.this.amount
}

output "notification_thresholds" {
  description = "The budget's notifications, by key: threshold (%) and type (Actual or Forecasted)."
  value       = local.notifications
}
