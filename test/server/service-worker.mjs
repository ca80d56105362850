/**
 * The tests register LMS Kit's service worker straight from its source module; this lets it control
 * the whole test origin (`Service-Worker-Allowed: /`), as a site serving `/lms-kit-sw.js` would; the same for
 * the content host's worker on the second origin the isolation tests use.
 */
export function serviceWorkerScopeMiddleware() {
  return async (ctx, next) => {
    await next();
    if (ctx.path.endsWith('/service-worker/lms-kit-sw.ts') || ctx.path.endsWith('/isolation/content-sw.ts'))
      ctx.set('Service-Worker-Allowed', '/');
  };
}
