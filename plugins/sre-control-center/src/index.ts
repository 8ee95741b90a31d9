/**
 * SRE Control Center frontend plugin (legacy frontend system entry point).
 * New frontend system apps import `@sre-control-center/plugin-sre-control-center/alpha`.
 *
 * @packageDocumentation
 */
export {
  sreControlCenterPlugin,
  EntityControlCenterContent,
  NewProjectPage,
} from './plugin';
export {
  sreControlCenterApiRef,
  SreControlCenterClient,
  type SreControlCenterApi,
  type ListAlertsRequest,
} from './api';
