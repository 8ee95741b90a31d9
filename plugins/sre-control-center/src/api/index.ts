export * from './SreControlCenterApi';
export { SreControlCenterClient } from './SreControlCenterClient';
