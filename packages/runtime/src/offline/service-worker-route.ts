/**
 * The offline route of LMS Kit's service worker: a request for a file of a course kept offline is
 * answered from the copy in use, online or not, so a page never mixes two versions. Requests made with
 * `cache: 'no-store'` (the downloader's own) go to the network.
 */
import { respondWithBlob, type ServiceWorkerRoute } from '@lms-kit/scorm/service-worker';
import { OFFLINE_CHANNEL, offlineKey, readOfflineRecords } from './offline-index.js';

export function offlineCopiesRoute(): ServiceWorkerRoute {
  /** URL → cache of the copy in use; undefined until read (a worker just woken up). */
  let copies: Map<string, string> | undefined;
  let reading: Promise<Map<string, string>> | undefined;
  const read = () =>
    (reading ??= readOfflineRecords()
      .then((records) => {
        const map = new Map<string, string>();
        for (const record of records) if (record.cache) for (const file of record.files) map.set(file.url, record.cache);
        copies = map;
        return map;
      })
      .catch(() => (copies = new Map()))
      .finally(() => (reading = undefined)));
  if (typeof BroadcastChannel === 'function') new BroadcastChannel(OFFLINE_CHANNEL).onmessage = () => void read();
  void read();

  return {
    match(url, request) {
      if (request.method !== 'GET' || request.cache === 'no-store' || request.cache === 'reload') return false;
      // Until the records are read, every GET waits for them; then only the copies' URLs.
      return copies ? copies.has(offlineKey(url.href)) : true;
    },
    async handle(request) {
      const key = offlineKey(request.url);
      let cacheName = (copies ?? (await read())).get(key);
      // `caches.match` with a name never creates that cache (`caches.open` would bring back one just deleted).
      let response = cacheName ? await caches.match(key, { cacheName }) : undefined;
      // A copy switched a moment ago: the old cache may be gone before this worker heard of the new one.
      if (cacheName && !response) {
        cacheName = (await read()).get(key);
        response = cacheName ? await caches.match(key, { cacheName }) : undefined;
      }
      if (!response) return fetch(request);
      const range = request.headers.get('range');
      return range ? respondWithBlob(await response.blob(), range) : response;
    },
  };
}
