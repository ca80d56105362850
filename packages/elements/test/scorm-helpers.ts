/** The service worker straight from its TypeScript source (the dev server serves it as an ES module). */
export const TEST_SERVICE_WORKER = {
  url: '/packages/scorm/src/sw/lms-kit-sw.ts',
  scope: '/packages/scorm/src/sw/',
  type: 'module' as const,
};
