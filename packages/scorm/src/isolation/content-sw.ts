/**
 * The content origin's service worker, built as `dist/lms-kit-content-sw.js`: it serves the files the
 * content host stored for each launch (Cache Storage of the content origin), byte ranges included.
 * Nothing else: it holds no learner data and never talks to the LMS page.
 */
import { respondWithBlob } from '../sw/package-files-route.js';
import {
  LAUNCH_PATH,
  RELAY_PATH,
  RELAY_REQUEST,
  launchCacheName,
  serializeRequest,
  type RelayRequestMessage,
  type RelayedResponse,
} from './protocol.js';

interface ExtendableEventLike extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEventLike extends Event {
  request: Request;
  respondWith(response: Promise<Response>): void;
}
interface WindowClientLike {
  url: string;
  postMessage(message: unknown, transfer: Transferable[]): void;
}
interface WorkerScope {
  location: Location;
  registration: { scope: string };
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void>; matchAll(options: { type: 'window'; includeUncontrolled: boolean }): Promise<WindowClientLike[]> };
  addEventListener(type: string, listener: (event: never) => void): void;
}

const worker = self as unknown as WorkerScope;

worker.addEventListener('install', (event: ExtendableEventLike) => event.waitUntil(worker.skipWaiting()));
worker.addEventListener('activate', (event: ExtendableEventLike) => event.waitUntil(worker.clients.claim()));
worker.addEventListener('fetch', (event: FetchEventLike) => {
  const url = new URL(event.request.url);
  if (url.origin !== worker.location.origin) return;
  const files = new URL(LAUNCH_PATH, worker.registration.scope).pathname;
  const relay = new URL(RELAY_PATH, worker.registration.scope).pathname;
  if (url.pathname.startsWith(files)) event.respondWith(serve(url, files, event.request.headers.get('range')));
  else if (url.pathname.startsWith(relay)) event.respondWith(relayed(event.request, url.pathname.slice(relay.length).split('/')[0]));
});

const RELAY_TIMEOUT_MS = 30_000;

/**
 * A request the LMS page answers (a cmi5 AU's files and LRS facade): sent to the content host of the
 * launch (the window whose URL's hash is the launch id), which passes it up with the port to answer on.
 */
async function relayed(request: Request, encodedLaunchId: string): Promise<Response> {
  const launchId = decodeURIComponent(encodedLaunchId);
  const windows = await worker.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const host = windows.find((client) => new URL(client.url).hash === `#${encodeURIComponent(launchId)}`);
  if (!host) return new Response('This launch has ended.', { status: 410, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  const channel = new MessageChannel();
  const answer = new Promise<RelayedResponse | undefined>((resolve) => {
    const timer = setTimeout(() => resolve(undefined), RELAY_TIMEOUT_MS);
    channel.port1.onmessage = (event: MessageEvent<RelayedResponse>) => {
      clearTimeout(timer);
      resolve(event.data);
    };
  });
  const message: RelayRequestMessage = { type: RELAY_REQUEST, launchId, request: await serializeRequest(request) };
  host.postMessage(message, [channel.port2]);
  const response = await answer;
  if (!response)
    return new Response('The LMS page did not answer.', { status: 504, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers: response.headers });
}

async function serve(url: URL, prefix: string, range: string | null): Promise<Response> {
  const launchId = decodeURIComponent(url.pathname.slice(prefix.length).split('/')[0]);
  const cache = (await caches.has(launchCacheName(launchId))) ? await caches.open(launchCacheName(launchId)) : undefined;
  const stored = await cache?.match(url.origin + url.pathname);
  if (!stored) {
    return new Response(`Not in this launch: ${url.pathname}`, { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  }
  return respondWithBlob(await stored.blob(), range);
}
