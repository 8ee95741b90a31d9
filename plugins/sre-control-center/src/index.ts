/**
 * SRE Control Center frontend plugin (legacy frontend system entry point).
 * New frontend system apps import `@sre-control-center/plugin-sre-control-center/alpha`.
 *
 * @packageDocumentation
 */
export { sreControlCenterPlugin, EntityControlCenterContent } from './plugin';
export {
  sreControlCenterApiRef,
  SreControlCenterClient,
  type SreControlCenterApi,
  type ApproveRunOptions,
  type AlertChangeResult,
  type ListAlertsRequest,
  type RequestRunRequest,
  type StartMaintenanceRequest,
} from './api';
