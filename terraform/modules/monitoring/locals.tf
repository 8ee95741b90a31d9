locals {
  control_center_query = join("&", compact([
    var.control_center_webhook_token != null ? "token=${urlencode(var.control_center_webhook_token)}" : "",
    var.control_center.entity_ref != null ? "entityRef=${urlencode(var.control_center.entity_ref)}" : "",
  ]))

  # The Control Center's Azure Monitor route. With Entra ID (secure webhook)
  # there is no token on the URL.
  control_center_webhook_uri = join("?", compact([
    "${trimsuffix(var.control_center.base_url, "/")}/api/sre-control-center/webhooks/azure-monitor",
    local.control_center_query,
  ]))

  # The portal, its emulator and the SRE agent's runbooks refer to these rule
  # names (packages/cloud-emulator/src/world/alertRules.ts seeds the same
  # metrics, thresholds, aggregations and windows).
  metric_alerts = {
    "alert-high-response-time" = {
      description = "Average response time of the web app is above ${var.thresholds.response_time_seconds} seconds"
      scope       = var.app_service_id
      namespace   = "Microsoft.Web/sites"
      metric      = "HttpResponseTime"
      aggregation = "Average"
      threshold   = var.thresholds.response_time_seconds
      severity    = 2
      window_size = "PT5M"
    }
    "alert-http-5xx" = {
      description = "The web app answers with HTTP 5xx"
      scope       = var.app_service_id
      namespace   = "Microsoft.Web/sites"
      metric      = "Http5xx"
      aggregation = "Total"
      threshold   = var.thresholds.http_5xx_count
      severity    = 1
      window_size = "PT5M"
    }
    "alert-db-connection-failures" = {
      description = "Failed connections to the PostgreSQL server"
      scope       = var.postgresql_server_id
      namespace   = "Microsoft.DBforPostgreSQL/flexibleServers"
      metric      = "connections_failed"
      aggregation = "Total"
      threshold   = var.thresholds.db_connections_failed_count
      severity    = 1
      window_size = "PT5M"
    }
    "alert-high-cpu" = {
      description = "CPU of the App Service plan above ${var.thresholds.cpu_percent} %"
      scope       = var.app_service_plan_id
      namespace   = "Microsoft.Web/serverfarms"
      metric      = "CpuPercentage"
      aggregation = "Average"
      threshold   = var.thresholds.cpu_percent
      severity    = 2
      window_size = "PT15M"
    }
    "alert-high-memory" = {
      description = "Memory of the App Service plan above ${var.thresholds.memory_percent} %"
      scope       = var.app_service_plan_id
      namespace   = "Microsoft.Web/serverfarms"
      metric      = "MemoryPercentage"
      aggregation = "Average"
      threshold   = var.thresholds.memory_percent
      severity    = 2
      window_size = "PT15M"
    }
  }
}
