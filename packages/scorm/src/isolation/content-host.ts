/**
 * The content host, built as `dist/lms-kit-content-host.js` and loaded by `lms-kit-content-host.html`,
 * which a site serves from its content origin (another origin than its pages). The LMS page frames it
 * (sandboxed) for one launch: it starts its service worker, which relays the content's requests (package
 * files, a cmi5 AU's LRS facade) to the LMS page through it; gives a SCO a SCORM API that talks to the LMS
 * page by postMessage (scorm-again's `CrossFrameAPI`); and opens the content in a frame below it.
 * Content running here is cross-origin to the LMS page: it cannot read its DOM, storage, cookies or
 * keys, nor call anything but the SCORM API and the requests of its own launch.
 */
import { CrossFrameAPI } from 'scorm-again';
import {
  CONTENT_HOST_READY,
  CONTENT_LAUNCH,
  CONTENT_LAUNCHED,
  RELAY_PATH,
  RELAY_REQUEST,
  type ContentLaunch,
  type ContentLaunched,
  type RelayRequestMessage,
} from './protocol.js';

const launchId = decodeURIComponent(location.hash.slice(1));
const scope = new URL('./', location.href).href;

/** `<meta name="lms-kit-content-sw" content="…" data-type="module">`, else `lms-kit-content-sw.js` beside this script. */
function workerOptions(): { url: string; type: WorkerType } {
  const meta = document.querySelector<HTMLMetaElement>('meta[name="lms-kit-content-sw"]');
  if (meta?.content) return { url: new URL(meta.content, location.href).href, type: meta.dataset.type === 'module' ? 'module' : 'classic' };
  return { url: new URL('lms-kit-content-sw.js', import.meta.url).href, type: 'classic' };
}

/** `<meta name="lms-kit-lms-origins" content="https://lms.example.com …">`: the only pages allowed to launch here. */
function allowedParents(): string[] | undefined {
  const meta = document.querySelector<HTMLMetaElement>('meta[name="lms-kit-lms-origins"]');
  return meta?.content ? meta.content.split(/\s+/).filter(Boolean) : undefined;
}

async function startWorker(): Promise<void> {
  const { url, type } = workerOptions();
  const registration = await navigator.serviceWorker.register(url, { scope, type });
  const worker = registration.active ?? registration.installing ?? registration.waiting;
  if (!worker || worker.state === 'activated') return;
  await new Promise<void>((resolve, reject) => {
    worker.addEventListener('statechange', () => {
      if (worker.state === 'activated') resolve();
      else if (worker.state === 'redundant') reject(new Error('the content service worker failed to install'));
    });
  });
}

/** The service worker's requests for this launch go up to the LMS page, with the port to answer on. */
function relayTo(lmsOrigin: string): void {
  navigator.serviceWorker.addEventListener('message', (event: MessageEvent) => {
    const data = event.data as Partial<RelayRequestMessage> | null;
    if (data?.type !== RELAY_REQUEST || data.launchId !== launchId || !event.ports[0]) return;
    window.parent.postMessage(data, lmsOrigin, [event.ports[0]]);
  });
  navigator.serviceWorker.startMessages();
}

/** The SCORM API the SCO finds on its parent: every call goes to the LMS page, answers come from a cache filled with the SCO's data. */
function installApi(version: ContentLaunch['version'], cmi: Record<string, string>, lmsOrigin: string): void {
  const api = new CrossFrameAPI(lmsOrigin, window.parent, { timeout: 10_000 });
  // CrossFrameAPI answers GetValue from its cache and refreshes it afterwards: seeded with the SCO's data,
  // a resumed SCO reads its bookmark and suspend data right after Initialize.
  const cache = (api as unknown as { _cache: Map<string, string> })._cache;
  for (const [key, value] of Object.entries(cmi)) cache.set(key, value);
  (window as unknown as Record<string, unknown>)[version === '1.2' ? 'API' : 'API_1484_11'] = api;
}

function openContent(entry: string): void {
  const src = new URL(entry, location.href);
  const relay = new URL(`${RELAY_PATH}${encodeURIComponent(launchId)}/`, scope).href;
  if (!src.href.startsWith(relay)) throw new Error(`${entry} is not a URL of this launch`);
  const frame = document.createElement('iframe');
  frame.title = document.title;
  frame.allow = 'fullscreen; autoplay';
  Object.assign(frame.style, { position: 'fixed', inset: '0', width: '100%', height: '100%', border: '0' });
  frame.src = src.href;
  document.body.replaceChildren(frame);
}

async function onLaunch(event: MessageEvent, ready: Promise<void>): Promise<void> {
  const launch = event.data as ContentLaunch;
  const answer = (message: Omit<ContentLaunched, 'type' | 'launchId'>) =>
    window.parent.postMessage({ type: CONTENT_LAUNCHED, launchId, ...message } satisfies ContentLaunched, event.origin);
  try {
    await ready;
    relayTo(event.origin);
    if (launch.cmi) installApi(launch.version, launch.cmi, event.origin);
    // Content in a window of its own is opened by the LMS page; its requests still come through here.
    if (!launch.window) openContent(launch.entry);
    answer({});
  } catch (error) {
    answer({ error: (error as Error)?.message ?? String(error) });
  }
}

function start(): void {
  if (window.parent === window || !launchId) {
    document.body.textContent = 'This page shows course content inside an LMS Kit site; it does nothing on its own.';
    return;
  }
  const parents = allowedParents();
  const ready = startWorker();
  let launched = false;
  window.addEventListener('message', (event: MessageEvent) => {
    const data = event.data as Partial<ContentLaunch> | null;
    if (launched || event.source !== window.parent || data?.type !== CONTENT_LAUNCH || data.launchId !== launchId) return;
    if (parents && !parents.includes(event.origin)) return;
    launched = true;
    void onLaunch(event, ready);
  });
  // The parent's origin is not known yet: the message says nothing but the launch id the parent chose.
  window.parent.postMessage({ type: CONTENT_HOST_READY, launchId }, '*');
}

start();
