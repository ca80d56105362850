/**
 * LMS Kit's service worker for cmi5: serves the files of imported packages and the LRS facade the
 * AUs talk to, under `<scope>lms-kit/cmi5/`. Register it from the site's origin, e.g.
 * `<meta name="lms-kit-service-worker" content="/lms-kit-sw.js">`; other requests pass through.
 * Routes are `{ match, handle }` modules, so other features (SCORM package files) can join them.
 */
import { observeStorage, type StorageAdapter } from '@lms-kit/storage';
import { DexieAdapter } from '@lms-kit/storage/dexie';
import { createCmi5Route, type Route } from './facade/route.js';

interface FetchEventLike extends Event {
  request: Request;
  respondWith(response: Promise<Response> | Response): void;
}
interface ExtendableEventLike extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface ServiceWorkerScope {
  registration: { scope: string };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'fetch', listener: (event: FetchEventLike) => void): void;
  addEventListener(type: 'install', listener: (event: ExtendableEventLike) => void): void;
}

const worker = self as unknown as ServiceWorkerScope;
const databases = new Map<string, Promise<StorageAdapter>>();

function storageFor(database: string): Promise<StorageAdapter> {
  let opening = databases.get(database);
  if (!opening) {
    opening = (async () => {
      const adapter = new DexieAdapter({ databaseName: database });
      await adapter.open();
      // Announced like any page's writes, so players and progress views follow what the AU does.
      // (The facade validates AU statements itself; a module worker cannot load the validator lazily.)
      return observeStorage(adapter);
    })();
    opening.catch(() => databases.delete(database));
    databases.set(database, opening);
  }
  return opening;
}

const routes: Route[] = [createCmi5Route({ prefix: new URL('lms-kit/cmi5/', worker.registration.scope).href, storageFor })];

worker.addEventListener('install', (event) => event.waitUntil(worker.skipWaiting()));
worker.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  const route = routes.find((candidate) => candidate.match(url, event.request));
  if (route) event.respondWith(route.handle(event.request));
});
