import { LmsError } from '@lms-kit/core';

/**
 * Where LMS Kit's service worker is, read from the page:
 * `<meta name="lms-kit-service-worker" content="/lms-kit-sw.js" data-scope="/" data-type="classic">`.
 * Default: `/lms-kit-sw.js` at the site root. It must be on the page's origin.
 */
export function serviceWorkerConfig(): { url: string; scope: string; type: WorkerType } {
  const meta = document.querySelector<HTMLMetaElement>('meta[name="lms-kit-service-worker"]');
  const url = new URL(meta?.content || '/lms-kit-sw.js', document.baseURI).href;
  const scope = new URL(meta?.dataset.scope ?? '.', url).href;
  return { url, scope, type: meta?.dataset.type === 'module' ? 'module' : 'classic' };
}

/** The URL prefix under which the service worker serves cmi5 package files and the LRS facade. */
export function cmi5Prefix(): string {
  return `${serviceWorkerConfig().scope}lms-kit/cmi5/`;
}

let registering: Promise<void> | undefined;

/** Registers the service worker (once) and waits until it is active, so the AU's requests reach it. */
export function ensureServiceWorker(): Promise<void> {
  registering ??= register().catch((error: unknown) => {
    registering = undefined;
    throw error;
  });
  return registering;
}

async function register(): Promise<void> {
  const { url, scope, type } = serviceWorkerConfig();
  if (!('serviceWorker' in navigator)) {
    throw new LmsError(
      'cmi5/no-service-worker',
      'This browser cannot run cmi5 courses here: service workers are unavailable (private mode or not HTTPS).',
    );
  }
  let registration: ServiceWorkerRegistration;
  try {
    registration = await navigator.serviceWorker.register(url, { scope, type });
  } catch (error) {
    throw new LmsError(
      'cmi5/no-service-worker',
      `LMS Kit's service worker could not be registered from ${url}: ${(error as Error).message}`,
      { cause: error },
    );
  }
  if (registration.active) return;
  const worker = (registration.installing ?? registration.waiting) as ServiceWorker;
  await new Promise<void>((resolve, reject) => {
    const check = () => {
      if (worker.state === 'activated') resolve();
      else if (worker.state === 'redundant')
        reject(new LmsError('cmi5/no-service-worker', `LMS Kit's service worker at ${url} failed to install.`));
    };
    worker.addEventListener('statechange', check);
    check();
  });
}
