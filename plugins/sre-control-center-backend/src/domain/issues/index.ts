export * from './types';
export * from './ports';
export * from './repository';
export * from './linking';
export { IssueTracker, eventsOf } from './IssueTracker';
export { IssueSync, type IssueSyncReport } from './IssueSync';
export { IssueOpener, STALE_CLAIM_MS } from './IssueOpener';
export { IssueReader } from './IssueReader';
export { IssueTimelineSource } from './IssueTimelineSource';
