/**
 * Scaffolder backend module for the SRE Control Center: plans a project from
 * its requirements and creates it on GitHub, for `/projects/new`.
 *
 * @packageDocumentation
 */
export { scaffolderModuleSreControlCenter as default } from './module';
export { createPlanAction } from './actions/plan';
export { createGithubProjectAction } from './actions/githubProject';
export {
  planProject,
  systemNameOf,
  ANNOTATION_BUDGET_AMOUNT,
} from './planner/planProject';
export { parsePlan } from './planner/planSchema';
export { parseBudget, SKU_PRICES_EUR } from './planner/constraints';
export { EPICS } from './planner/rules';
export type * from './planner/types';
export {
  GithubProjectWriter,
  planItemMarker,
} from './github/GithubProjectWriter';
export type {
  Checkpoint,
  WriteResult,
  ProjectIssue,
} from './github/GithubProjectWriter';
