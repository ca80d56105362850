import type { StorageAdapter } from '@lms-kit/storage';
import type { Cmi5Session } from '../records.js';
import { handleContent } from './content.js';
import { handleDocuments } from './documents.js';
import { json, problem } from './http.js';
import { handleStatements } from './statements.js';
import { handleFetchUrl, sessionOf } from './tokens.js';

/** A service-worker route: pure request → response code, so the same module runs in tests and in any worker. */
export interface Route {
  match(url: URL, request: Request): boolean;
  handle(request: Request): Promise<Response>;
}

export interface Cmi5RouteOptions {
  /** Absolute URL every cmi5 path starts with, e.g. `https://site.example/lms-kit/cmi5/`. */
  prefix: string;
  /** The learner storage of a database name (the first path segment after the prefix). */
  storageFor(database: string): StorageAdapter | Promise<StorageAdapter>;
}

/** URLs under `prefix`, per learner database: where the facade and the package files live. */
export function cmi5Urls(prefix: string, database: string) {
  const base = `${prefix}${encodeURIComponent(database)}/`;
  return { endpoint: `${base}xapi/`, fetchBase: `${base}fetch/`, contentRoot: `${base}content/` };
}

/**
 * The LRS an AU talks to, with no server: statements, activity state, agent and activity profiles,
 * the one-time fetch URL, and the package files. Requests of one session are handled one at a time,
 * so a batch of statements is checked against the rules as they stand after the previous one.
 */
export function createCmi5Route(options: Cmi5RouteOptions): Route {
  const queues = new Map<string, Promise<unknown>>();
  const serial = <T>(key: string, work: () => Promise<T>): Promise<T> => {
    const next = (queues.get(key) ?? Promise.resolve()).then(work, work);
    queues.set(
      key,
      next.catch(() => undefined),
    );
    void next.finally(() => queues.get(key) === next && queues.delete(key)).catch(() => undefined);
    return next;
  };

  return {
    match: (url) => url.href.startsWith(options.prefix),
    async handle(request) {
      const url = new URL(request.url);
      const [databasePart, area, ...rest] = url.href.slice(options.prefix.length).split('?')[0].split('/');
      const database = decodeURIComponent(databasePart ?? '');
      if (!database || !area) return problem(404, 'Not a cmi5 URL of LMS Kit.');
      let storage: StorageAdapter;
      try {
        storage = await options.storageFor(database);
      } catch (error) {
        return problem(503, `The learning database could not be opened: ${(error as Error).message}`);
      }
      try {
        if (area === 'content')
          return await handleContent(storage, decodeURIComponent(rest[0] ?? ''), rest.slice(1).map(decodeURIComponent).join('/'), request);
        if (area === 'fetch') {
          const sessionId = decodeURIComponent(rest[0] ?? '');
          return await serial(sessionId, () => handleFetchUrl(storage, sessionId, request));
        }
        if (area !== 'xapi') return problem(404, 'Not a cmi5 URL of LMS Kit.');
        // Libraries join `endpoint` and the resource with a slash of their own: `xapi//statements` is `xapi/statements`.
        const resource = rest.filter(Boolean).join('/');
        if (resource === 'about') return json({ version: ['1.0.3'] });
        const token = await sessionOf(storage, request.headers.get('Authorization'));
        if (!token) return problem(401, 'Send the auth-token from the fetch URL as Basic authorization (cmi5 8.2).');
        return await serial(token.id, async () => {
          const session = (await sessionOf(storage, request.headers.get('Authorization'))) as Cmi5Session;
          if (resource === 'statements') return handleStatements(storage, session, request, url);
          if (resource === 'activities/state' || resource === 'agents/profile' || resource === 'activities/profile') {
            return handleDocuments(storage, session, resource, request, url);
          }
          if (resource === 'activities' && request.method === 'GET')
            return json({ objectType: 'Activity', id: url.searchParams.get('activityId') });
          return problem(404, `No xAPI resource "${resource}" here.`);
        });
      } catch (error) {
        return problem(500, `The cmi5 facade failed: ${(error as Error).message}`);
      }
    },
  };
}
