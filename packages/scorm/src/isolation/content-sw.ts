/**
 * The content origin's service worker, built as `dist/lms-kit-content-sw.js`. It stores nothing: each
 * request a launch's content makes below `<scope>lms-kit-relay/<launch id>/` goes to the content host
 * of that launch (the window whose URL's hash is the launch id), which passes it to the LMS page; the
 * answer comes back on a `MessagePort`. Package files stay on the LMS origin.
 */
import { RELAY_PATH, RELAY_REQUEST, serializeRequest, type RelayRequestMessage, type RelayedResponse } from './protocol.js';

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
  clients: {
    claim(): Promise<void>;
    matchAll(options: { type: 'window'; includeUncontrolled: boolean }): Promise<WindowClientLike[]>;
  };
  addEventListener(type: string, listener: (event: never) => void): void;
}

const worker = self as unknown as WorkerScope;
const RELAY_TIMEOUT_MS = 30_000;

worker.addEventListener('install', (event: ExtendableEventLike) => event.waitUntil(worker.skipWaiting()));
worker.addEventListener('activate', (event: ExtendableEventLike) => event.waitUntil(worker.clients.claim()));
worker.addEventListener('fetch', (event: FetchEventLike) => {
  const url = new URL(event.request.url);
  const relay = new URL(RELAY_PATH, worker.registration.scope).pathname;
  if (url.origin !== worker.location.origin || !url.pathname.startsWith(relay)) return;
  event.respondWith(relayed(event.request, decodeURIComponent(url.pathname.slice(relay.length).split('/')[0])));
});

const text = (status: number, body: string) => new Response(body, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

async function relayed(request: Request, launchId: string): Promise<Response> {
  const windows = await worker.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const host = windows.find((client) => new URL(client.url).hash === `#${encodeURIComponent(launchId)}`);
  if (!host) return text(410, 'This launch has ended.');
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
  channel.port1.close();
  if (!response) return text(504, 'The LMS page did not answer.');
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers: response.headers });
}
