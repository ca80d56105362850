/**
 * The tests register LMS Kit's service worker straight from its source module; this lets it control
 * the whole test origin (`Service-Worker-Allowed: /`), as a site serving `/lms-kit-sw.js` would.
 */
export function serviceWorkerScopeMiddleware() {
  return async (ctx, next) => {
    await next();
    if (ctx.path.endsWith('/cmi5/service-worker.ts')) ctx.set('Service-Worker-Allowed', '/');
  };
}
