/**
 * Messages between the LMS page and the content host (the page a site serves from its content
 * origin, `lms-kit-content-host.html`). The content host only ever talks to its parent; the LMS page
 * only listens to the content origin, and only to the frame it launched.
 */

/** Content host → LMS page: loaded, ready for launch `launchId` (read from its URL's hash). */
export const CONTENT_HOST_READY = 'lms-kit:content-host-ready';
/** LMS page → content host: the URL to open and the SCO's data to answer from at once. */
export const CONTENT_LAUNCH = 'lms-kit:content-launch';
/** Content host → LMS page: the SCO frame is loading (or `error` says why not). */
export const CONTENT_LAUNCHED = 'lms-kit:content-launched';
/**
 * Content SW → content host → LMS page, with a `MessagePort` to answer on: a request the content made
 * below `<scope>lms-kit-relay/<launch id>/` (package files, a cmi5 AU's LRS facade), answered by the LMS page.
 */
export const RELAY_REQUEST = 'lms-kit:relay-request';

/** Where the content origin relays a launch's requests to the LMS page, below the content host's folder. */
export const RELAY_PATH = 'lms-kit-relay/';

export interface ContentHostReady {
  type: typeof CONTENT_HOST_READY;
  launchId: string;
}

export interface ContentLaunch {
  type: typeof CONTENT_LAUNCH;
  launchId: string;
  /** The page to open: a URL below this launch's relay, on the content origin. */
  entry: string;
  /** Which API the content looks for: `API` (1.2) or `API_1484_11` (2004). */
  version: '1.2' | '2004';
  /**
   * The SCO's CMI data, flattened (`cmi.suspend_data` → value), so GetValue answers right after
   * Initialize. None for an asset or a cmi5 AU: they get no SCORM API.
   */
  cmi?: Record<string, string>;
  /**
   * The content plays in a window of its own (a cmi5 AU with `launchMethod="OwnWindow"`), which the LMS
   * page opens at `entry` once this launch is ready: the content host then only relays its requests.
   */
  window?: boolean;
}

export interface ContentLaunched {
  type: typeof CONTENT_LAUNCHED;
  launchId: string;
  error?: string;
}

export interface RelayedRequest {
  url: string;
  method: string;
  headers: Array<[string, string]>;
  body: ArrayBuffer | null;
}

export interface RelayedResponse {
  status: number;
  statusText: string;
  headers: Array<[string, string]>;
  /** A Blob: posted by reference, however large the file. */
  body: Blob | null;
}

export interface RelayRequestMessage {
  type: typeof RELAY_REQUEST;
  launchId: string;
  request: RelayedRequest;
}

/**
 * The content frame's sandbox. `allow-same-origin` keeps the content origin's own origin (its service
 * worker relays the package's requests); the frame is cross-origin to the LMS page, so that gives no
 * access to it. No `allow-top-navigation*`, no `allow-popups`: content cannot navigate the LMS page or open windows.
 */
export const CONTENT_SANDBOX = 'allow-scripts allow-same-origin allow-forms allow-modals allow-downloads';

export async function serializeRequest(request: Request): Promise<RelayedRequest> {
  const body = request.method === 'GET' || request.method === 'HEAD' ? null : await request.arrayBuffer();
  return { url: request.url, method: request.method, headers: [...request.headers], body };
}

export async function serializeResponse(response: Response): Promise<RelayedResponse> {
  const body = response.status === 204 || response.status === 304 || !response.body ? null : await response.blob();
  return { status: response.status, statusText: response.statusText, headers: [...response.headers], body };
}
