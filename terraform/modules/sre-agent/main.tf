# The identity the agent investigates and acts with.
resource "azurerm_user_assigned_identity" "agent" {
  name                = var.identity_name
  resource_group_name = var.resource_group_name
  location            = var.identity_location
  tags                = var.tags
}

resource "azurerm_role_assignment" "agent" {
  for_each = local.role_definition_names

  scope                = var.resource_group_id
  role_definition_name = each.key
  principal_id         = azurerm_user_assigned_identity.agent.principal_id
  principal_type       = "ServicePrincipal"
}

resource "azapi_resource" "agent" {
  type      = "Microsoft.App/agents@${var.api_version}"
  name      = var.name
  parent_id = var.resource_group_id
  location  = var.location
  tags      = merge(var.tags, { "sre-control-center-runbooks" = "${length(local.runbooks)} runbooks, sha256 ${substr(filesha256(var.runbooks_file), 0, 12)}" })

  # azapi's embedded schema does not know Microsoft.App/agents yet; the body
  # follows the 2026-01-01 REST spec (checked structurally in terraform/tests).
  schema_validation_enabled = false

  identity {
    type         = "SystemAssigned, UserAssigned"
    identity_ids = [azurerm_user_assigned_identity.agent.id]
  }

  body = {
    properties = {
      knowledgeGraphConfiguration = {
        identity         = azurerm_user_assigned_identity.agent.id
        managedResources = local.managed_resource_ids
      }
      # Review: the agent proposes infrastructure actions and waits for a
      # human approval before it runs them.
      actionConfiguration = {
        identity    = azurerm_user_assigned_identity.agent.id
        mode        = var.mode
        accessLevel = var.access_level
      }
      # Azure Monitor alerts of the managed resource groups reach the agent
      # without an action group receiver.
      incidentManagementConfiguration = {
        type           = "AzMonitor"
        connectionName = "azmonitor"
      }
      logConfiguration = {
        applicationInsightsConfiguration = {
          appId = var.application_insights_app_id
        }
      }
      upgradeChannel = var.upgrade_channel
    }
  }

  # Sent on create and when the version changes; never stored in state.
  sensitive_body = {
    properties = {
      logConfiguration = {
        applicationInsightsConfiguration = {
          connectionString = var.application_insights_connection_string
        }
      }
    }
  }
  sensitive_body_version = {
    "properties.logConfiguration.applicationInsightsConfiguration.connectionString" = tostring(var.application_insights_connection_string_version)
  }

  response_export_values = ["properties.agentEndpoint", "identity.principalId"]

  depends_on = [azurerm_role_assignment.agent]

  lifecycle {
    precondition {
      condition     = alltrue([for alert in local.runbook_triggers : contains(var.alert_rule_names, alert)])
      error_message = "Every runbook trigger in ${var.runbooks_file} must name an alert rule of the stack (${join(", ", var.alert_rule_names)}); found ${join(", ", local.runbook_triggers)}."
    }

    precondition {
      condition     = length(local.actions_needing_approval) == 0 || var.mode == "Review"
      error_message = "Runbook actions need approvals (${join("; ", local.actions_needing_approval)}), so the agent must run in Review mode."
    }
  }
}
