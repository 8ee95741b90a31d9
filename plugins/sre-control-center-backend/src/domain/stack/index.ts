export * from './ports';
export { StackReader } from './StackReader';
export type { StackReaderOptions, StackRefreshReport } from './StackReader';
export { checkWiring, describeActionGroups } from './wiringCheck';
export { METRIC_PLAN, seriesHealth } from './metricPlan';
export { requiredRoleFor, stateHealth } from './requiredRoles';
