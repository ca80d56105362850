/**
 * Serves `test/pages/strict-csp.html` with the strict Content Security Policy a security-minded site
 * sends: scripts and styles from the site only, no inline style, Trusted Types required for every
 * script-running DOM sink, with the policies LMS Kit and its libraries declare.
 */
export const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "frame-src 'self'",
  "worker-src 'self'",
  "require-trusted-types-for 'script'",
  'trusted-types lms-kit lit-html dompurify',
].join('; ');

export function strictCspMiddleware() {
  return async (ctx, next) => {
    await next();
    if (ctx.path === '/test/pages/strict-csp.html') ctx.set('Content-Security-Policy', STRICT_CSP);
  };
}
