resource "azurerm_log_analytics_workspace" "this" {
  name                = var.log_analytics_workspace_name
  resource_group_name = var.resource_group_name
  location            = var.location
  sku                 = "PerGB2018"
  retention_in_days   = var.retention_in_days
  tags                = var.tags
}

resource "azurerm_application_insights" "this" {
  name                 = var.application_insights_name
  resource_group_name  = var.resource_group_name
  location             = var.location
  workspace_id         = azurerm_log_analytics_workspace.this.id
  application_type     = "Node.JS"
  daily_data_cap_in_gb = var.application_insights_daily_cap_gb
  tags                 = var.tags
}

resource "azurerm_monitor_action_group" "this" {
  name                = var.action_group_name
  resource_group_name = var.resource_group_name
  short_name          = var.action_group_short_name
  tags                = var.tags

  dynamic "email_receiver" {
    for_each = toset(var.alert_emails)

    content {
      name                    = "email-${replace(email_receiver.value, "/[^A-Za-z0-9]/", "-")}"
      email_address           = email_receiver.value
      use_common_alert_schema = true
    }
  }

  # The SRE Control Center: alerts and budget notifications become its feed.
  webhook_receiver {
    name                    = "sre-control-center"
    service_uri             = local.control_center_webhook_uri
    use_common_alert_schema = true

    dynamic "aad_auth" {
      for_each = var.control_center.aad_auth != null ? [var.control_center.aad_auth] : []

      content {
        object_id      = aad_auth.value.object_id
        identifier_uri = aad_auth.value.identifier_uri
        tenant_id      = aad_auth.value.tenant_id
      }
    }
  }

  # The SRE agent with Azure Monitor as its incident platform picks up the
  # alerts of its managed resource groups by itself; this receiver is only for
  # an agent endpoint that should also be called by the action group.
  dynamic "webhook_receiver" {
    for_each = var.sre_agent_webhook_uri != null ? [var.sre_agent_webhook_uri] : []

    content {
      name                    = "azure-sre-agent"
      service_uri             = webhook_receiver.value
      use_common_alert_schema = true
    }
  }

  lifecycle {
    precondition {
      # The comparison is sensitive because the token is; whether it is set is not.
      condition     = nonsensitive(var.control_center_webhook_token != null) != (var.control_center.aad_auth != null)
      error_message = "Set exactly one of control_center_webhook_token (shared token) and control_center.aad_auth (secure webhook)."
    }
  }
}

resource "azurerm_monitor_metric_alert" "this" {
  for_each = local.metric_alerts

  name                = each.key
  resource_group_name = var.resource_group_name
  scopes              = [each.value.scope]
  description         = each.value.description
  severity            = each.value.severity
  frequency           = "PT1M"
  window_size         = each.value.window_size
  auto_mitigate       = true
  tags                = var.tags

  criteria {
    metric_namespace = each.value.namespace
    metric_name      = each.value.metric
    aggregation      = each.value.aggregation
    operator         = "GreaterThan"
    threshold        = each.value.threshold
  }

  action {
    action_group_id = azurerm_monitor_action_group.this.id
  }
}

# Platform logs for the investigations (the SRE agent reads them too).
resource "azurerm_monitor_diagnostic_setting" "this" {
  for_each = var.diagnostic_settings

  name                       = "diag-${each.key}"
  target_resource_id         = each.value.target_resource_id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.this.id

  dynamic "enabled_log" {
    for_each = toset(each.value.log_categories)

    content {
      category = enabled_log.value
    }
  }

  enabled_metric {
    category = "AllMetrics"
  }
}
