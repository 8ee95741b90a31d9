/**
 * SRE Control Center backend plugin, and the permission rules an app
 * composes into its policy.
 *
 * @packageDocumentation
 */
export { sreControlCenterPlugin as default } from './plugin';
export {
  ownsSystem,
  sreControlCenterDecision,
  SreControlCenterPermissionPolicy,
  type SreControlCenterPolicyOptions,
} from './permissions/SreControlCenterPolicy';
