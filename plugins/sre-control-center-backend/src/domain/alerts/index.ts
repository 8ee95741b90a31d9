export * from './ports';
export * from './types';
export { applyNotification } from './applyNotification';
export { InboxProcessor } from './InboxProcessor';
export { decodeCursor, encodeCursor } from './cursor';
export { normalizeArmId, resourceGroupIdOf } from './resourceIds';
