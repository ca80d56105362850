export { Session, type SessionEventListener, type StateListener } from './session.js';
export type { SessionOptions, SessionServices } from './services.js';
export * from './events.js';
export { serialQueue } from './serial-queue.js';
export * from './course/index.js';
export * from './quiz/index.js';
export * from './package/index.js';
export * from './cmi5/index.js';
export * from './engagement/index.js';
