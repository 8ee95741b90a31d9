locals {
  workload    = "mindful-moments"
  environment = "dev"
  suffix      = "${local.workload}-${local.environment}"

  # The names the catalog (catalog-info.yaml), the portal's emulator and the
  # runbooks use (storage accounts allow no "-").
  names = {
    resource_group   = "rg-${local.suffix}"
    virtual_network  = "vnet-${local.suffix}"
    app_service      = "app-${local.suffix}"
    app_service_plan = "asp-${local.suffix}"
    postgresql       = "psql-${local.suffix}"
    storage_account  = "stmindfulmomentsdev"
    key_vault        = "kv-${local.suffix}"
    log_analytics    = "log-${local.suffix}"
    app_insights     = "appi-${local.suffix}"
    action_group     = "ag-${local.suffix}"
    budget           = "budget-${local.suffix}"
    communication    = "acs-${local.suffix}"
    sre_agent        = "sre-${local.suffix}"
    sre_identity     = "id-sre-${local.suffix}"
  }

  # The catalog System these resources belong to.
  system_entity_ref = "system:default/${local.workload}"

  tags = {
    workload    = local.workload
    environment = local.environment
    managed-by  = "terraform"
    repository  = "mindful-moments/sre-control-center"
    system      = local.system_entity_ref
  }

  # The runbook file the SRE agent and the portal share.
  runbooks_file = "${path.module}/../../sre-agent/runbooks.yaml"
  runbooks      = yamldecode(file(local.runbooks_file)).runbooks

  # Every Azure resource the portal's catalog shows, with its entity type
  # (`spec.type`) and what it depends on.
  sre_control_center_resources = merge(
    {
      (module.app_service.name) = {
        id         = module.app_service.id
        name       = module.app_service.name
        type       = "azure-app-service"
        depends_on = [module.app_service.plan_name]
      }
      (module.app_service.plan_name) = {
        id         = module.app_service.plan_id
        name       = module.app_service.plan_name
        type       = "azure-app-service-plan"
        depends_on = []
      }
      (module.database.name) = {
        id         = module.database.id
        name       = module.database.name
        type       = "azure-postgresql-flexible-server"
        depends_on = [module.networking.virtual_network_name]
      }
      (module.storage.name) = {
        id         = module.storage.id
        name       = module.storage.name
        type       = "azure-storage-account"
        depends_on = []
      }
      (module.key_vault.name) = {
        id         = module.key_vault.id
        name       = module.key_vault.name
        type       = "azure-key-vault"
        depends_on = []
      }
      (module.monitoring.log_analytics_workspace_name) = {
        id         = module.monitoring.log_analytics_workspace_id
        name       = module.monitoring.log_analytics_workspace_name
        type       = "azure-log-analytics-workspace"
        depends_on = []
      }
      (module.monitoring.application_insights_name) = {
        id         = module.monitoring.application_insights_id
        name       = module.monitoring.application_insights_name
        type       = "azure-application-insights"
        depends_on = [module.monitoring.log_analytics_workspace_name]
      }
      (module.monitoring.action_group_name) = {
        id         = module.monitoring.action_group_id
        name       = module.monitoring.action_group_name
        type       = "azure-monitor-action-group"
        depends_on = []
      }
      (module.communication.name) = {
        id         = module.communication.id
        name       = module.communication.name
        type       = "azure-communication-service"
        depends_on = []
      }
      (module.networking.virtual_network_name) = {
        id         = module.networking.virtual_network_id
        name       = module.networking.virtual_network_name
        type       = "azure-virtual-network"
        depends_on = []
      }
    },
    {
      for agent in module.sre_agent : agent.name => {
        id         = agent.id
        name       = agent.name
        type       = "azure-sre-agent"
        depends_on = [module.monitoring.application_insights_name]
      }
    },
  )
}
