import { LmsError } from '@lms-kit/core';
import { registerLmsServiceWorker, serviceWorkerScope } from '@lms-kit/scorm/service-worker';

/**
 * cmi5 content is served by LMS Kit's one service worker (the same that serves SCORM packages):
 * configured with `configureServiceWorker()` or `<meta name="lms-kit-service-worker" content="/lms-kit-sw.js">`,
 * else found beside `lms-kit.js`.
 */

/** The URL prefix under which the service worker serves cmi5 package files and the LRS facade. */
export function cmi5Prefix(): string {
  return `${serviceWorkerScope()}lms-kit/cmi5/`;
}

/** The learner database a cmi5 course lives in (IndexedDB only): the service worker opens it by name. */
export function cmi5Database(storage: { scope: string }): string {
  const match = /^indexeddb:(.+)$/.exec(storage.scope);
  if (!match) {
    throw new LmsError(
      'cmi5/needs-indexeddb',
      'cmi5 courses need the IndexedDB storage (the default): the service worker that plays them reads it.',
    );
  }
  return match[1];
}

/** Registers the service worker (once) and waits until it is active, so the AU's requests reach it. */
export async function ensureServiceWorker(): Promise<void> {
  try {
    await registerLmsServiceWorker();
  } catch (error) {
    throw new LmsError('cmi5/no-service-worker', `This browser cannot run cmi5 courses here: ${(error as Error).message}`, {
      cause: error,
    });
  }
}
