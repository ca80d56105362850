export {
  Cmi5AuSession,
  type Cmi5AuEvents,
  type Cmi5AuLaunchOptions,
  type Cmi5AuPhase,
  type Cmi5AuRef,
  type Cmi5AuState,
} from './au-session.js';
export { cmi5Database, cmi5Prefix, ensureServiceWorker } from './service-worker.js';
export { isolatedAu, type IsolatedAu } from './isolated-launch.js';
