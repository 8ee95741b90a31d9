export * from './ports';
export * from './types';
export { applyNotification } from './applyNotification';
export { InboxProcessor } from './InboxProcessor';
export { decodeCursor, encodeCursor } from './cursor';
export {
  isAzureAlertId,
  normalizeArmId,
  resourceGroupIdOf,
} from './resourceIds';
export { applySnapshot } from './applySnapshot';
export { AlertCommands } from './AlertCommands';
export { AlertReconciler, type ReconcileReport } from './AlertReconciler';
export { checkTransition, type RequestedState } from './stateTransitions';
