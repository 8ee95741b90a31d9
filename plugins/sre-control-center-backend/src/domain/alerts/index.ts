export * from './ports';
export * from './types';
export { applyNotification } from './applyNotification';
export { applySnapshot } from './applySnapshot';
export { AlertCommands } from './AlertCommands';
export { AlertIntake, type DeliveryDecoder } from './AlertIntake';
export { AlertReconciler, type ReconcileReport } from './AlertReconciler';
export { AlertRouter } from './AlertRouter';
export { UnroutedAlertRouter } from './UnroutedAlertRouter';
export {
  canonicalAlertId,
  isAzureAlertId,
  parseAzureAlertId,
  type AzureAlertId,
} from './alertIds';
export { decodeCursor, encodeCursor } from './cursor';
export {
  normalizeArmId,
  resourceGroupIdOf,
  subscriptionOf,
  MAX_ARM_ID_LENGTH,
} from './resourceIds';
export { withRoutingHint } from './routingHint';
export { checkTransition, type RequestedState } from './stateTransitions';
export { writeAlerts } from './writeAlerts';
