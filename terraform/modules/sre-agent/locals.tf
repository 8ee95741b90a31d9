locals {
  # One runbook file for the agent and the portal (the portal includes the
  # same `runbooks` key through Backstage's `$include`).
  runbook_file = yamldecode(file(var.runbooks_file))
  runbooks     = local.runbook_file.runbooks

  runbook_names    = [for runbook in local.runbooks : runbook.name]
  runbook_triggers = distinct(compact([for runbook in local.runbooks : try(runbook.trigger.alert, "")]))

  # Portal semantics: an action without approval_required needs an approval.
  actions_needing_approval = flatten([
    for runbook in local.runbooks : [
      for action in runbook.actions : "${runbook.name}: ${action.type} ${action.resource}"
      if try(action.approval_required, true)
    ]
  ])

  managed_resource_ids = var.managed_resource_ids != null ? var.managed_resource_ids : [var.resource_group_id]

  # What the agent's identity may do in the resource group: read metrics and
  # logs for investigations, and (in Review mode, after an approval) act.
  role_definition_names = toset(["Monitoring Reader", "Log Analytics Reader", "Contributor"])

  # The agent's ARM API has no property for runbooks or knowledge files; this
  # rendering is what an operator uploads to its knowledge base (README).
  knowledge_document = join("\n", concat(
    ["# Runbooks of ${var.name}", "", "Source: terraform/sre-agent/runbooks.yaml (also the SRE Control Center's runbooks).", ""],
    flatten([
      for runbook in local.runbooks : concat(
        ["## ${runbook.name}", ""],
        try(runbook.trigger.alert, null) != null ? ["- Trigger: Azure Monitor alert rule `${runbook.trigger.alert}`"] : ["- Trigger: on request only"],
        try(runbook.condition, null) != null ? ["- Condition: ${runbook.condition}"] : [],
        ["- Cooldown: ${try(runbook.cooldown_minutes, 15)} minutes between automatic runs"],
        [
          for action in runbook.actions :
          "- Action: ${action.type} `${action.resource}`${try(" to ${action.target_sku}", "")}${try(" (slot ${action.slot})", "")}${try(action.approval_required, true) ? ", only after an approval" : ", without approval"}"
        ],
        [""]
      )
    ])
  ))
}
