/**
 * A small route table over Hono: each route declares its method, path, summary and zod schemas, so
 * the same declaration validates requests and writes the OpenAPI document served at /openapi.json.
 */
import type { Context, Hono } from 'hono';
import { type z } from 'zod';
import type { Identity } from './auth.js';
import type { Db } from './db.js';
import { HttpError } from './errors.js';
import type { ServerKey } from './keys.js';

export interface Env {
  Variables: { who: Identity; services: Services };
}

/** What routes share besides the database: the server's signing key and issuer. */
export interface Services {
  serverKey: () => Promise<ServerKey>;
  issuer: () => Promise<string>;
  /** Runs one request through this app (the batch route's items). */
  dispatch?: (request: Request) => Promise<Response>;
}

export interface RequestContext<Body, Query> {
  c: Context<Env>;
  db: Db;
  who: Identity;
  body: Body;
  query: Query;
  params: Record<string, string>;
  services: Services;
}

export interface RouteSpec<Body = unknown, Query = unknown> {
  method: 'get' | 'put' | 'post' | 'delete';
  /** Hono path (`/v1/progress/:learner/:course`). */
  path: string;
  summary: string;
  tag: string;
  body?: z.ZodType<Body>;
  query?: z.ZodType<Query>;
  /** Statuses beyond 400/401/403 the route answers with (for the OpenAPI document). */
  errors?: number[];
  /** Answered without a token (public verification, anonymous sign-in): `who` is absent. */
  public?: boolean;
  /** Status of a successful JSON answer (default 200). */
  status?: 201;
  /** Answers with JSON (or a Response for other content). */
  handler: (ctx: RequestContext<Body, Query>) => Promise<unknown>;
}

export const registered: RouteSpec[] = [];

/** Types one route from its schemas, then erases them so routes of different shapes share a table. */
export function route<Body = undefined, Query = undefined>(spec: RouteSpec<Body, Query>): RouteSpec {
  return spec as unknown as RouteSpec;
}

export function mount(app: Hono<Env>, db: Db, specs: RouteSpec[], services: Services): void {
  for (const spec of specs) {
    if (!registered.includes(spec)) registered.push(spec);
    app.on(spec.method.toUpperCase(), spec.path, async (c) => {
      const body = spec.body ? parse(spec.body, await readJson(c), 'body') : undefined;
      const query = spec.query ? parse(spec.query, c.req.query(), 'query') : undefined;
      const params = c.req.param() as Record<string, string>;
      const result = await spec.handler({ c, db, who: c.get('who'), body, query, params, services });
      if (result instanceof Response) return result;
      return result === undefined ? c.body(null, 204) : c.json(result, spec.status ?? 200);
    });
  }
}

async function readJson(c: Context): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    throw new HttpError(400, 'server/invalid-request', 'The body is not JSON.');
  }
}

function parse<T>(schema: z.ZodType<T>, value: unknown, where: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({ path: [where, ...issue.path].join('.'), message: issue.message }));
  throw new HttpError(400, 'server/invalid-request', `The request ${where} is not valid: ${issues[0].path}: ${issues[0].message}`, issues);
}

/** Whether a request is for a public route (no token asked). */
export function publicMatcher(specs: RouteSpec[]): (method: string, path: string) => boolean {
  const patterns = specs
    .filter((spec) => spec.public)
    .map((spec) => ({ method: spec.method.toUpperCase(), path: new RegExp(`^${spec.path.replace(/:[^/]+/g, '[^/]+')}$`) }));
  return (method, path) => patterns.some((p) => p.method === method && p.path.test(path));
}
