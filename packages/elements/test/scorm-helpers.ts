/** The service worker straight from its TypeScript source (the dev server serves it as an ES module). */
export const TEST_SERVICE_WORKER = {
  url: '/packages/elements/src/service-worker/lms-kit-sw.ts',
  scope: '/',
  type: 'module' as const,
};
