/**
 * The LMS Kit service worker is a small router: each feature that needs to answer requests from the
 * browser (package files for SCORM frames, a local LRS facade for cmi5 content…) adds a route.
 * The first route whose `match` returns true answers the request; requests no route matches go to the
 * network as if there were no service worker.
 */
export interface ServiceWorkerRoute {
  /** Synchronous and cheap: it runs for every request of every page in the worker's scope. */
  match(url: URL, request: Request): boolean;
  handle(request: Request, context: RouteContext): Promise<Response>;
}

export interface RouteContext {
  /** The worker's scope URL, e.g. `https://site.example/`; routes build their URL prefixes on it. */
  scope: string;
  /** The client (window) that made the request, when the browser says. */
  clientId?: string;
}

/** What the router needs of a `FetchEvent` (kept structural, so the page-side build needs no WebWorker types). */
export interface FetchEventLike {
  request: Request;
  clientId?: string;
  respondWith(response: Promise<Response> | Response): void;
}

export interface ServiceWorkerRouter {
  readonly routes: ServiceWorkerRoute[];
  add(route: ServiceWorkerRoute): void;
  /** Hand every `fetch` event to this. */
  onFetch(event: FetchEventLike): void;
}

export function createServiceWorkerRouter(scope: () => string, routes: ServiceWorkerRoute[] = []): ServiceWorkerRouter {
  const list = [...routes];
  return {
    routes: list,
    add(route) {
      list.push(route);
    },
    onFetch(event) {
      let url: URL;
      try {
        url = new URL(event.request.url);
      } catch {
        return;
      }
      const route = list.find((candidate) => candidate.match(url, event.request));
      if (!route) return;
      const context: RouteContext = { scope: scope(), clientId: event.clientId };
      event.respondWith(
        route.handle(event.request, context).catch(
          (error: unknown) =>
            new Response(`LMS Kit service worker: ${(error as Error)?.message ?? error}`, {
              status: 500,
              headers: { 'Content-Type': 'text/plain; charset=utf-8' },
            }),
        ),
      );
    },
  };
}
