import { LmsError, trustedScriptUrl } from '@lms-kit/core';

export interface ServiceWorkerOptions {
  /** URL of `lms-kit-sw.js`. Default: beside the page's `lms-kit.js` script. */
  url?: string;
  /** Scope to register it with. Default: the folder of the script (the widest a worker may have without a `Service-Worker-Allowed` header). */
  scope?: string;
  /** `module` when the script is an ES module (development builds); the built script is classic. */
  type?: WorkerType;
}

let configured: ServiceWorkerOptions = {};
let registering: Promise<ServiceWorkerRegistration> | undefined;

/**
 * Sets where the service worker is, for pages that do not load `lms-kit.js` from the same folder.
 * Pages can say it in markup instead:
 * `<meta name="lms-kit-service-worker" content="/lms-kit-sw.js" data-scope="/" data-type="classic">`.
 */
export function configureServiceWorker(options: ServiceWorkerOptions): void {
  if (JSON.stringify(options) === JSON.stringify(configured)) return;
  configured = { ...options };
  registering = undefined;
}

/**
 * Registers the LMS Kit service worker (once per page) and resolves when it is active, so frames
 * created from then on get their files from it. Pages do not need to be controlled by it: the SCORM
 * frames are, because their URLs are inside its scope.
 */
export function registerLmsServiceWorker(options: ServiceWorkerOptions = effectiveOptions()): Promise<ServiceWorkerRegistration> {
  registering ??= register(options).catch((error: unknown) => {
    registering = undefined;
    throw error;
  });
  return registering;
}

async function register(options: ServiceWorkerOptions): Promise<ServiceWorkerRegistration> {
  if (!('serviceWorker' in navigator)) {
    throw new LmsError(
      'scorm/service-worker-unavailable',
      'This browser cannot play SCORM packages stored on this device: service workers are not available (private window, or a page not served over https).',
    );
  }
  const url = new URL(options.url ?? defaultScriptUrl(), location.href).href;
  // Already installed (an earlier visit): use it; the browser checks it for updates on its own.
  const existing = await navigator.serviceWorker.getRegistration(options.scope ?? new URL('./', url).href).catch(() => undefined);
  if (existing?.active?.scriptURL === url) return existing;
  let registration: ServiceWorkerRegistration;
  try {
    registration = await navigator.serviceWorker.register(trustedScriptUrl(url), { scope: options.scope, type: options.type ?? 'classic' });
  } catch (error) {
    throw new LmsError(
      'scorm/service-worker-unavailable',
      `Could not start the LMS Kit service worker from ${url}: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
  await activated(registration);
  return registration;
}

function activated(registration: ServiceWorkerRegistration): Promise<void> {
  // An active worker answers fetches (a newer one being installed takes over when ready).
  if (registration.active) return Promise.resolve();
  const worker = registration.installing ?? registration.waiting;
  return new Promise((resolve, reject) => {
    if (!worker) return reject(new LmsError('scorm/service-worker-unavailable', 'The LMS Kit service worker did not install.'));
    const check = () => {
      if (worker.state === 'activated') resolve();
      else if (worker.state === 'redundant')
        reject(new LmsError('scorm/service-worker-unavailable', 'The LMS Kit service worker failed to install.'));
    };
    worker.addEventListener('statechange', check);
    check();
  });
}

/** `configureServiceWorker()` first, then the page's `<meta name="lms-kit-service-worker">`. */
function effectiveOptions(): ServiceWorkerOptions {
  if (configured.url || typeof document === 'undefined') return configured;
  const meta = document.querySelector<HTMLMetaElement>('meta[name="lms-kit-service-worker"]');
  if (!meta?.content) return configured;
  return {
    url: meta.content,
    scope: meta.dataset.scope ? new URL(meta.dataset.scope, new URL(meta.content, document.baseURI)).href : undefined,
    type: meta.dataset.type === 'module' ? 'module' : 'classic',
  };
}

/** The scope the service worker has (or will have) on this page: its URLs for packages start with `<scope>lms-kit/`. */
export function serviceWorkerScope(): string {
  const options = effectiveOptions();
  const url = new URL(options.url ?? defaultScriptUrl(), location.href).href;
  return new URL(options.scope ?? './', url).href;
}

function defaultScriptUrl(): string {
  const script = [...document.querySelectorAll<HTMLScriptElement>('script[src]')].find((s) => /\/lms-kit(\.min)?\.js(\?|$)/.test(s.src));
  if (!script) {
    throw new LmsError(
      'scorm/service-worker-unavailable',
      'Where is lms-kit-sw.js? Call configureServiceWorker({ url }) before playing SCORM packages.',
    );
  }
  return new URL('lms-kit-sw.js', script.src).href;
}
