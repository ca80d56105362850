/**
 * The content origin's service worker, built as `dist/lms-kit-content-sw.js`: it serves the files the
 * content host stored for each launch (Cache Storage of the content origin), byte ranges included.
 * Nothing else: it holds no learner data and never talks to the LMS page.
 */
import { respondWithBlob } from '../sw/package-files-route.js';
import { LAUNCH_PATH, launchCacheName } from './protocol.js';

interface ExtendableEventLike extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEventLike extends Event {
  request: Request;
  respondWith(response: Promise<Response>): void;
}
interface WorkerScope {
  location: Location;
  registration: { scope: string };
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  addEventListener(type: string, listener: (event: never) => void): void;
}

const worker = self as unknown as WorkerScope;

worker.addEventListener('install', (event: ExtendableEventLike) => event.waitUntil(worker.skipWaiting()));
worker.addEventListener('activate', (event: ExtendableEventLike) => event.waitUntil(worker.clients.claim()));
worker.addEventListener('fetch', (event: FetchEventLike) => {
  const url = new URL(event.request.url);
  const prefix = new URL(LAUNCH_PATH, worker.registration.scope).pathname;
  if (url.origin !== worker.location.origin || !url.pathname.startsWith(prefix)) return;
  event.respondWith(serve(url, prefix, event.request.headers.get('range')));
});

async function serve(url: URL, prefix: string, range: string | null): Promise<Response> {
  const launchId = decodeURIComponent(url.pathname.slice(prefix.length).split('/')[0]);
  const cache = (await caches.has(launchCacheName(launchId))) ? await caches.open(launchCacheName(launchId)) : undefined;
  const stored = await cache?.match(url.origin + url.pathname);
  if (!stored) {
    return new Response(`Not in this launch: ${url.pathname}`, { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  }
  return respondWithBlob(await stored.blob(), range);
}
