/** The service worker straight from its TypeScript source (the dev server serves it as an ES module). */
export const TEST_SERVICE_WORKER = {
  url: '/packages/elements/src/service-worker/lms-kit-sw.ts',
  scope: '/',
  type: 'module' as const,
};

/** Points the page at the test service worker the way a site does, with `<meta name="lms-kit-service-worker">`. */
export function addServiceWorkerMeta(): HTMLMetaElement {
  const meta = Object.assign(document.createElement('meta'), { name: 'lms-kit-service-worker', content: TEST_SERVICE_WORKER.url });
  meta.dataset.scope = TEST_SERVICE_WORKER.scope;
  meta.dataset.type = TEST_SERVICE_WORKER.type;
  document.head.append(meta);
  return meta;
}

/** Removes the meta and every service worker a test registered, so the next test starts without one. */
export async function removeServiceWorkers(meta: HTMLMetaElement | undefined): Promise<void> {
  meta?.remove();
  for (const registration of await navigator.serviceWorker.getRegistrations()) await registration.unregister();
}
