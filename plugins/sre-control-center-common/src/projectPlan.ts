/**
 * The project plan behind `/projects/new`: what the scaffolder action
 * `sre-control-center:plan` outputs (and the template's dry run returns for
 * the preview) and `sre-control-center:github:project` creates. Every item
 * carries the rules that produced it (`rule`), so the preview can explain
 * itself. The planner lives in
 * `@sre-control-center/plugin-scaffolder-backend-module-sre-control-center`.
 */

/**
 * The scaffolder template behind `/projects/new`.
 *
 * @public
 */
export const NEW_PROJECT_TEMPLATE_REF = 'template:default/new-project';

/** @public */
export type PlanPriority = 'must-have' | 'nice-to-have';

/** @public */
export type PlanEpicKey =
  | 'infrastructure'
  | 'application'
  | 'cicd'
  | 'monitoring'
  | 'sre-agent'
  | 'on-call'
  | 'documentation';

/**
 * User edits made in the preview, applied on top of the rules.
 *
 * @public
 */
export interface PlanEdits {
  /** Story ids to leave out of the plan. */
  remove?: string[];
  /** Story id → story points (a Fibonacci number). */
  points?: Record<string, number>;
  /** Story id → sprint number (1-based). */
  sprint?: Record<string, number>;
}

/** @public */
export interface ProjectRequirements {
  name: string;
  description?: string;
  repoOwner: string;
  repoName: string;
  timelineWeeks: number;
  constraints?: string;
  mustHave: string[];
  niceToHave?: string[];
  /** Catalog owner of the new System, e.g. `group:default/team-a`. */
  owner?: string;
  /** Points one full sprint holds (default: 13 per week of sprint). */
  pointsPerSprint?: number;
  /** Weeks per sprint (default: 2, or 1 for timelines of 4 weeks or less). */
  sprintWeeks?: number;
  edits?: PlanEdits;
  /** First day of sprint 1 (yyyy-mm-dd); the action passes today's date. */
  startDate?: string;
}

/** @public */
export interface PlanStory {
  id: string;
  epic: PlanEpicKey;
  feature: string;
  /** The requirement as the user wrote it. */
  requirement: string;
  title: string;
  /** "As a …, I want …, so that …". */
  userStory: string;
  acceptanceCriteria: string[];
  points: number;
  priority: PlanPriority;
  /** Ids of stories that must be done first. */
  dependsOn: string[];
  /** Sprint number (1-based); undefined when it does not fit. */
  sprint?: number;
  /** Why this story is where it is: epic, feature, points, dependencies, edits. */
  rule: string[];
}

/** @public */
export interface PlanFeature {
  id: string;
  epic: PlanEpicKey;
  title: string;
  rule: string;
  storyIds: string[];
}

/** @public */
export interface PlanEpic {
  id: PlanEpicKey;
  title: string;
  rule: string;
  features: PlanFeature[];
}

/** @public */
export interface PlanSprint {
  number: number;
  weeks: number;
  /** Points this sprint holds (pro rata for a shorter last sprint). */
  capacity: number;
  points: number;
  storyIds: string[];
  /** Milestone title on GitHub. */
  title: string;
  /** ISO date (yyyy-mm-dd) the sprint ends, from the plan's start date. */
  dueOn: string;
}

/** @public */
export interface PlanBudget {
  amount: number;
  currency: 'EUR' | 'USD' | 'GBP';
  /** The text it was read from. */
  source: string;
}

/** @public */
export interface PlanCostLine {
  sku: string;
  service: string;
  monthly: number;
}

/** @public */
export interface PlanCostCheck {
  currency: 'EUR';
  lines: PlanCostLine[];
  monthly: number;
  /** SKUs named in the constraints that alone put the project over budget. */
  overBudget: string[];
}

/** @public */
export interface PlanWarning {
  code:
    | 'not-scheduled'
    | 'over-capacity'
    | 'over-budget'
    | 'duplicate-requirement'
    | 'no-budget'
    | 'no-subscription'
    | 'edit-ignored';
  message: string;
  storyId?: string;
}

/** @public */
export interface PlanLabelSpec {
  name: string;
  color: string;
  description: string;
}

/** @public */
export interface PlannedFile {
  path: string;
  content: string;
}

/** @public */
export interface ProjectPlan {
  version: 1;
  name: string;
  /** Catalog entity name of the new System. */
  systemName: string;
  description: string;
  repository: { owner: string; name: string; description: string };
  owner: string;
  timelineWeeks: number;
  sprintWeeks: number;
  pointsPerSprint: number;
  budget?: PlanBudget;
  subscriptionId?: string;
  annotations: Record<string, string>;
  epics: PlanEpic[];
  stories: PlanStory[];
  sprints: PlanSprint[];
  labels: PlanLabelSpec[];
  cost?: PlanCostCheck;
  warnings: PlanWarning[];
  files: PlannedFile[];
  totals: {
    epics: number;
    features: number;
    stories: number;
    points: number;
    scheduledPoints: number;
    mustHavePoints: number;
  };
}
