import { LmsError, uuid } from '@lms-kit/core';
import { CrossFrameLMS } from 'scorm-again';
import type { ScormApi } from '../runtime/sco-session.js';
import { respondWithBlob } from '../sw/package-files-route.js';
import {
  CONTENT_HOST_READY,
  CONTENT_LAUNCH,
  CONTENT_LAUNCHED,
  CONTENT_SANDBOX,
  RELAY_PATH,
  RELAY_REQUEST,
  serializeResponse,
  type ContentLaunch,
  type RelayedRequest,
} from './protocol.js';

export interface IsolatedLaunchOptions {
  /** URL of `lms-kit-content-host.html` on the content origin. */
  contentHost: string;
  /**
   * What to open: with `packageFile`, the launch file and its query relative to the package root
   * (`index.html?page=2`); else a URL below `relayBase(contentHost, launchId)` that `relay` answers.
   */
  entry: string;
  /** A file of the package by its path, served to the content (byte ranges included). */
  packageFile?: (path: string) => Promise<Blob | undefined>;
  /** Answers the content's other requests below the launch's relay (a cmi5 AU's files and LRS facade). */
  relay?: (request: Request) => Promise<Response>;
  version?: '1.2' | '2004';
  /** The SCO's API; none for an asset or a cmi5 AU. */
  api?: ScormApi;
  /** The launch id (from `newLaunchId()`), when the caller needs `relayBase` before launching. */
  launchId?: string;
  /**
   * The content plays in a window of its own (a cmi5 AU with `launchMethod="OwnWindow"`): the content host
   * only relays its requests, and `onReady` opens the window at `entry` once they can be answered.
   */
  ownWindow?: boolean;
  /** The content host is ready to answer the content's requests. */
  onReady?: () => void;
  /** The content host could not be reached or could not open the content. */
  onError(error: LmsError): void;
  /** How long to wait for the content host to say it is ready. Default 15 s. */
  timeout?: number;
}

/** One launch on the content origin: the frame to show and how to end it. */
export interface IsolatedLaunch {
  /** The content host's URL for this launch (its hash is the launch id). */
  readonly frameUrl: string;
  /** The content frame's `sandbox`. */
  readonly sandbox: string;
  readonly launchId: string;
  /** Stops answering the frame (the session ends separately). */
  close(): void;
}

type MessageHandler = { _onMessage(event: MessageEvent): void };
type LmsConstructor = new (api: ScormApi, origin: string, options: { rateLimit: number }) => { destroy(): void };

/**
 * scorm-again's `CrossFrameLMS` checks the sender's origin; content of other launches may share the
 * content origin (another player on the page), so this one also answers only the frame it launched.
 */
class FrameBoundLms extends (CrossFrameLMS as unknown as LmsConstructor) {
  declare frame?: Window;

  /** Overrides CrossFrameLMS's message handler (bound in its constructor, so set on the prototype). */
  _onMessage(event: MessageEvent): void {
    if (event.source && event.source === this.frame) (CrossFrameLMS.prototype as unknown as MessageHandler)._onMessage.call(this, event);
  }
}

/** The content host's origin; it must differ from this page's (isolation means nothing otherwise). */
export function contentOrigin(contentHost: string): string {
  const url = new URL(contentHost, document.baseURI);
  if (!/^https?:$/.test(url.protocol) || url.origin === location.origin) {
    throw new LmsError(
      'scorm/content-origin-invalid',
      `The content host ${url.href} must be served from another origin than this page (${location.origin}), over http(s).`,
    );
  }
  return url.origin;
}

export function newLaunchId(): string {
  return `${Date.now().toString(36)}-${uuid()}`;
}

/** Where the content origin relays the requests of a launch to this page. */
export function relayBase(contentHost: string, launchId: string): string {
  return new URL(`${RELAY_PATH}${encodeURIComponent(launchId)}/`, new URL(contentHost, document.baseURI)).href;
}

const PACKAGE_AREA = 'package/';

/**
 * Launches content in isolated mode: this page shows the content host (another origin, sandboxed); once
 * it says it is ready, it gets the URL to open, and every request of the content comes back here to be
 * answered (package files from this origin's package database, a cmi5 AU's facade). SCORM calls are
 * answered with `api` through scorm-again's `CrossFrameLMS`. The content never shares this page's origin,
 * and nothing of the package is stored on the content origin.
 */
export function launchIsolated(options: IsolatedLaunchOptions): IsolatedLaunch {
  const origin = contentOrigin(options.contentHost);
  const launchId = options.launchId ?? newLaunchId();
  const relayPrefix = relayBase(options.contentHost, launchId);
  const url = new URL(options.contentHost, document.baseURI);
  url.hash = launchId;
  let frame: Window | undefined;
  let lms: FrameBoundLms | undefined;
  let closed = false;

  const fail = (error: LmsError) => {
    if (closed) return;
    close();
    options.onError(error);
  };
  const timer = setTimeout(
    () =>
      fail(
        new LmsError(
          'scorm/content-host-unreachable',
          `The content host at ${url.origin}${url.pathname} did not answer: is it served there?`,
        ),
      ),
    options.timeout ?? 15_000,
  );

  const onMessage = (event: MessageEvent): void => {
    if (event.origin !== origin || !event.source) return;
    const data = event.data as { type?: string; launchId?: string; error?: string; request?: RelayedRequest } | null;
    if (data?.launchId !== launchId) return;
    if (data.type === CONTENT_HOST_READY && !frame) {
      clearTimeout(timer);
      frame = event.source as Window;
      handOver(frame);
    } else if (data.type === RELAY_REQUEST && event.source === frame && event.ports[0] && data.request) {
      void answer(data.request, event.ports[0]);
    } else if (data.type === CONTENT_LAUNCHED && event.source === frame) {
      if (data.error) fail(new LmsError('scorm/content-host-failed', `The content host could not open the content: ${data.error}`));
      else options.onReady?.();
    }
  };

  const handOver = (target: Window): void => {
    if (options.api) {
      lms = new FrameBoundLms(options.api, origin, { rateLimit: 1000 });
      lms.frame = target;
    }
    const entry = options.packageFile ? packageEntry(relayPrefix, options.entry) : options.entry;
    const launch: ContentLaunch = { type: CONTENT_LAUNCH, launchId, entry, version: options.version ?? '1.2' };
    if (options.api) launch.cmi = flattenedCmi(options.api);
    if (options.ownWindow) launch.window = true;
    target.postMessage(launch, origin);
  };

  const respond = async (relayed: RelayedRequest): Promise<Response> => {
    if (!relayed.url.startsWith(relayPrefix)) return new Response('Not a URL of this launch.', { status: 404 });
    const rest = relayed.url.slice(relayPrefix.length).split(/[?#]/)[0];
    if (options.packageFile && rest.startsWith(PACKAGE_AREA)) {
      const path = rest.slice(PACKAGE_AREA.length).split('/').map(decodeURIComponent).join('/');
      const blob = await options.packageFile(path);
      const range = new Headers(relayed.headers).get('range');
      return blob ? respondWithBlob(blob, range) : new Response(`Not in the package: ${path}`, { status: 404 });
    }
    if (!options.relay) return new Response('Nothing is served here.', { status: 404 });
    return options.relay(new Request(relayed.url, { method: relayed.method, headers: relayed.headers, body: relayed.body }));
  };

  const answer = async (relayed: RelayedRequest, port: MessagePort): Promise<void> => {
    let response: Response;
    try {
      response = await respond(relayed);
    } catch (error) {
      response = new Response(`The LMS page could not answer: ${(error as Error).message}`, { status: 500 });
    }
    port.postMessage(await serializeResponse(response));
    port.close();
  };

  function close(): void {
    closed = true;
    clearTimeout(timer);
    window.removeEventListener('message', onMessage);
    lms?.destroy();
  }

  window.addEventListener('message', onMessage);
  return { frameUrl: url.href, sandbox: CONTENT_SANDBOX, launchId, close };
}

/** The launch file's URL below the relay: each path segment encoded once, the query kept. */
function packageEntry(relayPrefix: string, launch: string): string {
  const index = launch.search(/[?#]/);
  const path = index < 0 ? launch : launch.slice(0, index);
  const encoded = path
    .split('/')
    .map((segment) => encodeURIComponent(safeDecode(segment)))
    .join('/');
  return `${relayPrefix}${PACKAGE_AREA}${encoded}${index < 0 ? '' : launch.slice(index)}`;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function flattenedCmi(api: ScormApi): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [key, value] of Object.entries(api.getFlattenedCMI() as Record<string, unknown>)) {
    if (value !== undefined && value !== null && typeof value !== 'object') flat[key] = String(value);
  }
  return flat;
}
