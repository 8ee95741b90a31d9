// The plan's types are the contract with the frontend's preview: they live in -common.
export type {
  PlanBudget as Budget,
  PlanCostCheck as CostCheck,
  PlanCostLine as CostLine,
  PlanEpic as Epic,
  PlanEpicKey as EpicKey,
  PlanFeature as Feature,
  PlanLabelSpec as LabelSpec,
  PlanEdits,
  PlannedFile,
  PlanWarning,
  PlanPriority as Priority,
  ProjectPlan,
  ProjectRequirements,
  PlanSprint as Sprint,
  PlanStory as Story,
} from '@sre-control-center/plugin-sre-control-center-common';
