/**
 * Shared by the SRE Control Center frontend and backend plugins: API types,
 * request schemas, permissions, catalog annotations and signal channel names.
 *
 * @packageDocumentation
 */
export * from './annotations';
export * from './permissions';
export * from './schemas';
export * from './signals';
export * from './types';
export * from './stack';
export * from './deployments';
export * from './azureResourceId';
export * from './issues';
export * from './escalation';
export * from './projectPlan';
