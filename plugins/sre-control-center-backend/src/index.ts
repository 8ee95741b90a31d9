/**
 * SRE Control Center backend plugin.
 *
 * @packageDocumentation
 */
export { sreControlCenterPlugin as default } from './plugin';
