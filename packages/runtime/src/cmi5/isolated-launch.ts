import type { LmsError } from '@lms-kit/core';
import type { StorageAdapter } from '@lms-kit/storage';
import { createCmi5Route } from '@lms-kit/xapi/cmi5';
import { cmi5Prefix } from './service-worker.js';

/** An AU launched on the content origin (isolated mode). */
export interface IsolatedAu {
  /** The cmi5 prefix the AU's URLs use: below the launch's relay on the content origin. */
  prefix: string;
  /** Opens the AU (its launch URL as `launchAu` built it) in the content host; the frame URL to show. */
  open(launchUrl: string, onError: (error: LmsError) => void): string;
  readonly sandbox: string;
  close(): void;
}

/**
 * Isolated mode for a cmi5 AU: the AU runs on the content origin, and its requests for the package
 * files and the LRS facade are relayed by the content host to this page, which answers them with the
 * same facade the service worker runs (over this learner database only).
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
    open(launchUrl, onError) {
      // The AU's own files were imported under this page's cmi5 prefix: the same paths below the relay.
      const hostPrefix = cmi5Prefix();
      const entry = launchUrl.startsWith(hostPrefix) ? prefix + launchUrl.slice(hostPrefix.length) : launchUrl;
      launch = isolation.launchIsolated({
        contentHost,
        launchId,
        entry,
        relay: async (request) =>
          route.match(new URL(request.url), request) ? route.handle(request) : new Response('Not a cmi5 URL.', { status: 404 }),
        onError,
      });
      return launch.frameUrl;
    },
    close: () => launch?.close(),
  };
}
