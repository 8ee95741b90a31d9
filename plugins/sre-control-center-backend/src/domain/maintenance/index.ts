export * from './ports';
export * from './types';
export {
  MaintenanceWindows,
  describeWindow,
  windowName,
  type MaintenanceWindowsOptions,
} from './MaintenanceWindows';
