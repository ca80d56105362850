/**
 * LMS Kit's service worker, built as `dist/lms-kit-sw.js` (one classic script to serve beside
 * `lms-kit.js`, or where `<meta name="lms-kit-service-worker">` says). It answers only URLs under
 * `<scope>lms-kit/`: SCORM package files (and a clear error for their scripts from the internet when
 * offline) and, for cmi5, package files and the local LRS facade. It also answers the URLs of courses
 * kept offline from their copy (`<lms-course-player offline>`). Everything else goes to the network.
 */
import { createServiceWorkerRouter, offlineScriptRoute, packageFilesRoute } from '@lms-kit/scorm/service-worker';
import { cmi5ServiceWorkerRoute } from '@lms-kit/xapi/cmi5/service-worker-route';
import { offlineCopiesRoute } from '@lms-kit/runtime/offline/service-worker-route';

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
const scope = () => worker.registration.scope;
const router = createServiceWorkerRouter(scope, [
  packageFilesRoute(),
  offlineScriptRoute(),
  cmi5ServiceWorkerRoute(scope()),
  offlineCopiesRoute(),
]);

worker.addEventListener('install', (event: ExtendableEventLike) => event.waitUntil(worker.skipWaiting()));
worker.addEventListener('activate', (event: ExtendableEventLike) => event.waitUntil(worker.clients.claim()));
worker.addEventListener('fetch', router.onFetch);
