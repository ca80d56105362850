import type { LmsError } from '@lms-kit/core';
import type { StorageAdapter } from '@lms-kit/storage';
import { createCmi5Route } from '@lms-kit/xapi/cmi5';
import { cmi5Prefix } from './service-worker.js';

/** An AU launched on the content origin (isolated mode). */
export interface IsolatedAu {
  /** The cmi5 prefix the AU's URLs use: below the launch's relay on the content origin. */
  prefix: string;
  /**
   * Opens the AU (its launch URL as `launchAu` built it) in the content host; the frame URL to show. With
   * `popup` (an OwnWindow AU, a window opened in the learner's click), the AU opens there, on the content
   * origin, and the content host frame only relays its requests (it can stay hidden).
   */
  open(launchUrl: string, onError: (error: LmsError) => void, popup?: Window): string;
  readonly sandbox: string;
  close(): void;
}

/**
 * Isolated mode for a cmi5 AU: the AU runs on the content origin (in the content host's frame, or in a
 * window of its own for `OwnWindow`), and its requests for the package files and the LRS facade are
 * relayed by the content host to this page, which answers them with the same facade the service worker
 * runs (over this learner database only). The AU's xAPI requests are same-origin fetches on the content
 * origin: no CORS, and nothing of this origin is reachable from there.
 */
export async function isolatedAu(contentHost: string, database: string, storage: StorageAdapter): Promise<IsolatedAu> {
  const isolation = await import('@lms-kit/scorm/isolation');
  const launchId = isolation.newLaunchId();
  const prefix = `${isolation.relayBase(contentHost, launchId)}cmi5/`;
  const route = createCmi5Route({
    prefix,
    storageFor: (name) => (name === database ? storage : Promise.reject(new Error('another learner database'))),
  });
  let launch: ReturnType<typeof isolation.launchIsolated> | undefined;
  return {
    prefix,
    sandbox: isolation.CONTENT_SANDBOX,
    open(launchUrl, onError, popup) {
      // The AU's own files were imported under this page's cmi5 prefix: the same paths below the relay.
      const hostPrefix = cmi5Prefix();
      const entry = launchUrl.startsWith(hostPrefix) ? prefix + launchUrl.slice(hostPrefix.length) : launchUrl;
      // The window is still this page's blank one: cut its link back here before it goes to the content
      // origin, so the AU cannot navigate or message this page through `window.opener`.
      if (popup) popup.opener = null;
      launch = isolation.launchIsolated({
        contentHost,
        launchId,
        entry,
        relay: async (request) =>
          route.match(new URL(request.url), request) ? route.handle(request) : new Response('Not a cmi5 URL.', { status: 404 }),
        ownWindow: !!popup,
        // The content origin's service worker relays the window's requests from now on.
        onReady: () => {
          if (popup && !popup.closed) popup.location.href = entry;
        },
        onError,
      });
      return launch.frameUrl;
    },
    close: () => launch?.close(),
  };
}
