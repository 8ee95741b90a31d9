/**
 * SRE Control Center frontend plugin (legacy frontend system entry point).
 * New frontend system apps import `@sre-control-center/plugin-sre-control-center/alpha`.
 *
 * @packageDocumentation
 */
export {
  sreControlCenterPlugin,
  EntityControlCenterContent,
  SreControlCenterPage,
  NewProjectPage,
} from './plugin';
export { operationsRouteRef, newProjectRouteRef } from './routes';
export {
  sreControlCenterApiRef,
  SreControlCenterClient,
  type SreControlCenterApi,
  type ApproveRunOptions,
  type AlertChangeResult,
  type ListAlertsRequest,
  type ListDeliveriesRequest,
  type ListUnroutedAlertsRequest,
  type RequestRunRequest,
  type StartMaintenanceRequest,
} from './api';
