export * from './ports';
export * from './types';
export {
  EscalationEngine,
  ENGINE_ACTOR,
  STEP_LEASE_MS,
} from './EscalationEngine';
export { nextOnCall, onCallAt, quietUntil } from './schedules';
