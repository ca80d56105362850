/**
 * The LMS Kit service worker script (built as `dist/lms-kit-sw.js`). Register it with
 * `registerLmsServiceWorker()`; its scope must contain `<scope>lms-kit/`, the URLs it answers.
 * Features add their routes to the list below.
 */
import { packageFilesRoute } from './package-files-route.js';
import { offlineScriptRoute } from './offline-script-route.js';
import { createServiceWorkerRouter } from './router.js';

interface ExtendableEventLike extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface WorkerScope {
  registration: { scope: string };
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  addEventListener(type: string, listener: (event: never) => void): void;
}

const worker = self as unknown as WorkerScope;
const router = createServiceWorkerRouter(() => worker.registration.scope, [packageFilesRoute(), offlineScriptRoute()]);

worker.addEventListener('install', (event: ExtendableEventLike) => event.waitUntil(worker.skipWaiting()));
worker.addEventListener('activate', (event: ExtendableEventLike) => event.waitUntil(worker.clients.claim()));
worker.addEventListener('fetch', router.onFetch);
