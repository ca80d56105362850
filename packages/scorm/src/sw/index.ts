/** The service worker's router and routes, for builds of your own worker (add your routes, keep ours). */
export * from './router.js';
export { packageFilesRoute, packageFileUrl, respondWithBlob, PACKAGE_PATH } from './package-files-route.js';
export { offlineScriptRoute, RESOURCE_FAILED_MESSAGE } from './offline-script-route.js';
export { registerLmsServiceWorker, configureServiceWorker, serviceWorkerScope, type ServiceWorkerOptions } from './register.js';
