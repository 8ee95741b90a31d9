export * from './ports';
export { DeploymentRecorder, replaces } from './DeploymentRecorder';
export { deployedBefore, DEPLOYMENT_WINDOW_MINUTES } from './deployedBefore';
export {
  DeploymentTimelineSource,
  deploymentTimelineEntry,
} from './deploymentTimeline';
