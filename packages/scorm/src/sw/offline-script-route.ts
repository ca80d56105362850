import type { ServiceWorkerRoute } from './router.js';

/** The message a package page sends to the LMS Kit page when a script it needs from the internet fails to load. */
export const RESOURCE_FAILED_MESSAGE = 'lms-kit:resource-failed';

/**
 * Scripts that package content loads from other sites (a CDN copy of jQuery, say) go to the network as
 * usual; when that fails (offline, blocked), the content would stay blank. Instead the page gets a
 * script that tells the LMS Kit page, which shows a clear message.
 */
export function offlineScriptRoute(): ServiceWorkerRoute {
  return {
    match: (url, request) => request.destination === 'script' && url.origin !== self.location.origin && /^https?:$/.test(url.protocol),
    async handle(request) {
      try {
        return await fetch(request);
      } catch {
        const message = JSON.stringify({ type: RESOURCE_FAILED_MESSAGE, url: request.url });
        const body = `try{(window.top||window.parent).postMessage(${message},${JSON.stringify(self.location.origin)})}catch(e){}`;
        return new Response(body, { headers: { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store' } });
      }
    },
  };
}
