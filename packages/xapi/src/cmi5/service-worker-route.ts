/**
 * The cmi5 route of LMS Kit's service worker: serves the files of imported cmi5 packages and the LRS
 * facade the AUs talk to, under `<scope>lms-kit/cmi5/`, over the learner database each URL names.
 */
import { observeStorage, type StorageAdapter } from '@lms-kit/storage';
import { DexieAdapter } from '@lms-kit/storage/dexie';
import { createCmi5Route, type Route } from './facade/route.js';

const databases = new Map<string, Promise<StorageAdapter>>();

function storageFor(database: string): Promise<StorageAdapter> {
  let opening = databases.get(database);
  if (!opening) {
    opening = (async () => {
      const adapter = new DexieAdapter({ databaseName: database });
      await adapter.open();
      // Announced like any page's writes, so players and progress views follow what the AU does.
      // (The facade validates AU statements itself; a classic worker cannot load the validator lazily.)
      return observeStorage(adapter);
    })();
    opening.catch(() => databases.delete(database));
    databases.set(database, opening);
  }
  return opening;
}

/** The route for a worker whose scope is `scope`. */
export function cmi5ServiceWorkerRoute(scope: string): Route {
  return createCmi5Route({ prefix: new URL('lms-kit/cmi5/', scope).href, storageFor });
}
