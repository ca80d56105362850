/** Lets test pages in sandboxed (opaque-origin) frames load modules from the test server. */
export function corsMiddleware() {
  return async (ctx, next) => {
    await next();
    ctx.set('Access-Control-Allow-Origin', '*');
  };
}
