import { LmsError, uuid } from '@lms-kit/core';
import { CrossFrameLMS } from 'scorm-again';
import type { ScormApi } from '../runtime/sco-session.js';
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
  /** The package's files, handed to the content host (none when `relay` serves them). */
  files: () => Promise<Array<{ path: string; data: Blob }>>;
  /** The launch file (and its query), relative to the package root; or a URL below `relayBase`. */
  entry: string;
  version?: '1.2' | '2004';
  /** The launch id (from `newLaunchId()`), when the caller needs `relayBase` before launching. */
  launchId?: string;
  /**
   * Answers requests the content makes below `relayBase(contentHost, launchId)` (a cmi5 AU's files and
   * LRS facade): they reach this page through the content host, never the network.
   */
  relay?: (request: Request) => Promise<Response>;
  /** The SCO's API; none for an asset. */
  api?: ScormApi;
  /** The content host could not be reached or could not open the package. */
  onError(error: LmsError): void;
  /** How long to wait for the content host to say it is ready. Default 15 s. */
  timeout?: number;
}

/** One package launch on the content origin: the frame to show and how to end it. */
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

/** Whether `contentHost` is on another origin than this page (isolation means nothing otherwise). */
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

/**
 * Launches a package item in isolated mode: the LMS page shows the content host (another origin,
 * sandboxed), hands it the package files once it says it is ready, and answers its SCORM calls with
 * `api` through scorm-again's `CrossFrameLMS`. The SCO never shares an origin with this page.
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
    const data = event.data as { type?: string; launchId?: string; error?: string } | null;
    if (data?.launchId !== launchId) return;
    if (data.type === CONTENT_HOST_READY && !frame) {
      clearTimeout(timer);
      frame = event.source as Window;
      void handOver(frame);
    } else if (data.type === RELAY_REQUEST && event.source === frame && options.relay && event.ports[0]) {
      void answerRelay((data as { request: RelayedRequest }).request, event.ports[0]);
    } else if (data.type === CONTENT_LAUNCHED && event.source === frame && data.error) {
      fail(new LmsError('scorm/content-host-failed', `The content host could not open the package: ${data.error}`));
    }
  };

  const handOver = async (target: Window): Promise<void> => {
    try {
      const files = await options.files();
      if (closed) return;
      if (options.api) {
        lms = new FrameBoundLms(options.api, origin, { rateLimit: 1000 });
        lms.frame = target;
      }
      const launch: ContentLaunch = { type: CONTENT_LAUNCH, launchId, files, entry: options.entry, version: options.version ?? '1.2' };
      if (options.api) launch.cmi = flattenedCmi(options.api);
      target.postMessage(launch, origin);
    } catch (error) {
      fail(
        new LmsError('scorm/content-host-failed', `Could not hand the package to the content host: ${(error as Error).message}`, {
          cause: error,
        }),
      );
    }
  };

  const answerRelay = async (relayed: RelayedRequest, port: MessagePort): Promise<void> => {
    let response: Response;
    try {
      if (!relayed?.url?.startsWith(relayPrefix)) throw new Error('not a URL of this launch');
      const request = new Request(relayed.url, {
        method: relayed.method,
        headers: relayed.headers,
        body: relayed.body,
      });
      response = await (options.relay as (request: Request) => Promise<Response>)(request);
    } catch (error) {
      response = new Response(`Refused: ${(error as Error).message}`, { status: 400 });
    }
    const answer = await serializeResponse(response);
    port.postMessage(answer, answer.body ? [answer.body] : []);
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

export function newLaunchId(): string {
  return `${Date.now().toString(36)}-${uuid()}`;
}

/** Where the content origin relays requests of a launch to this page (`relay` answers them). */
export function relayBase(contentHost: string, launchId: string): string {
  return new URL(`${RELAY_PATH}${encodeURIComponent(launchId)}/`, new URL(contentHost, document.baseURI)).href;
}

function flattenedCmi(api: ScormApi): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [key, value] of Object.entries(api.getFlattenedCMI() as Record<string, unknown>)) {
    if (value !== undefined && value !== null && typeof value !== 'object') flat[key] = String(value);
  }
  return flat;
}
