/**
 * The HTTP service: Hono (web-standard Request/Response, so the same app runs on Node, Bun, Deno or an
 * edge runtime; small, with body-limit and CORS built in). Stateless: identity comes with each request,
 * every record lives in the database, so any number of instances can run behind a load balancer.
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { mount, publicMatcher, type Env, type RouteSpec, type Services } from './api.js';
import { createVerifier, type AuthOptions } from './auth.js';
import type { Db } from './db.js';
import { forbidden, HttpError } from './errors.js';
import { serverKey } from './keys.js';
import { openApiDocument } from './openapi.js';
import { adminRoutes } from './routes/admin.js';
import { gradingRoutes } from './routes/grading.js';
import { courseContentRoutes } from './routes/course-content.js';
import { batchRoutes } from './routes/batch.js';
import { catalogRoutes } from './routes/catalog.js';
import { importRoutes } from './routes/import.js';
import { learnerDataRoutes } from './routes/learner-data.js';
import { lrsRoutes } from './routes/lrs.js';
import { reportViewRoutes } from './routes/report-views.js';
import { quizRoutes } from './routes/quizzes.js';
import { certificateRoutes } from './routes/certificates.js';
import { anonymousRoutes, tenantAllowsAnonymous } from './routes/anonymous.js';
import { reportRoutes } from './routes/reports.js';
import { leaderboardRoutes } from './routes/leaderboard.js';
import { reminderRoutes } from './routes/reminders.js';

export interface AppOptions {
  db: Db;
  auth: AuthOptions;
  /** Origins allowed to call the API from a browser (`*` for any); none when left out. */
  corsOrigins?: string[];
  /** Largest request body in bytes (default 1 MiB; imports may be larger, see `importLimitBytes`). */
  bodyLimitBytes?: number;
  importLimitBytes?: number;
  /** Private P-256 JWK (JSON) the server signs certificates and anonymous identities with; default one kept in the database. */
  signingKey?: string;
  /** Issuer URI of what the server signs; default `urn:lms-kit:issuer:<key thumbprint>`. */
  issuer?: string;
}

export const ALL_ROUTES: RouteSpec[] = [
  ...learnerDataRoutes,
  ...batchRoutes,
  ...adminRoutes,
  ...courseContentRoutes,
  ...importRoutes,
  ...lrsRoutes,
  ...reportRoutes,
  ...reportViewRoutes,
  ...gradingRoutes,
  ...quizRoutes,
  ...certificateRoutes,
  ...anonymousRoutes,
  ...catalogRoutes,
  ...leaderboardRoutes,
  ...reminderRoutes,
];

export function createApp(options: AppOptions): Hono<Env> {
  const app = new Hono<Env>();
  const key = serverKey(options.db, options.signingKey);
  const services: Services = {
    serverKey: key,
    issuer: async () => options.issuer ?? `urn:lms-kit:issuer:${(await key()).kid}`,
    dispatch: async (request) => app.fetch(request),
  };
  const verify = createVerifier(options.auth, services.serverKey, services.issuer);
  const isPublic = publicMatcher(ALL_ROUTES);
  const origins = options.corsOrigins ?? [];
  if (origins.length)
    app.use(
      '*',
      cors({
        origin: origins.includes('*') ? '*' : origins,
        allowHeaders: ['Authorization', 'Content-Type', 'If-Match', 'If-None-Match'],
        allowMethods: ['GET', 'PUT', 'POST', 'DELETE'],
        exposeHeaders: ['ETag'],
        maxAge: 600,
      }),
    );
  const tooLarge = () => {
    throw new HttpError(413, 'server/payload-too-large', 'The request body is too large.');
  };
  const importLimit = options.importLimitBytes ?? 20 * 1024 * 1024;
  const limit = options.bodyLimitBytes ?? 1024 * 1024;
  const importBodies = bodyLimit({ maxSize: importLimit, onError: tooLarge });
  const bodies = bodyLimit({ maxSize: limit, onError: tooLarge });
  app.use('/v1/*', async (c, next) => {
    const isImport = c.req.path.startsWith('/v1/import/');
    // A declared length is checked from the header alone: Hono's bodyLimit would first build a web
    // Request and its stream (to look at `body`), a large part of the cost of a small write on Node.
    const length = c.req.header('content-length');
    if (length !== undefined && !c.req.header('transfer-encoding'))
      return Number(length) > (isImport ? importLimit : limit) ? tooLarge() : next();
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    return (isImport ? importBodies : bodies)(c, next);
  });
  app.get('/openapi.json', (c) => c.json(openApiDocument(ALL_ROUTES)));
  app.get('/health', async (c) => {
    await options.db.query('SELECT 1');
    return c.json({ ok: true, database: options.db.kind });
  });
  app.use('/v1/*', async (c, next) => {
    if (isPublic(c.req.method, c.req.path)) return next();
    const who = await verify(c.req.header('authorization'));
    // An anonymous identity works only while its tenant allows anonymous learners.
    if (who.anonymous && !(await tenantAllowsAnonymous(options.db, who.tenant)))
      throw forbidden('This tenant does not allow anonymous learners.');
    c.set('who', who);
    await ensureTenantAndLearner(options.db, who);
    await next();
  });
  mount(app, options.db, ALL_ROUTES, services);
  app.notFound((c) => c.json({ error: { code: 'server/not-found', message: `No route ${c.req.method} ${c.req.path}.` } }, 404));
  app.onError((error, c) => {
    if (error instanceof HttpError) {
      if (error.status === 401) c.header('WWW-Authenticate', 'Bearer');
      const current = (error as { current?: unknown }).current;
      const body = {
        error: { code: error.code, message: error.message, ...(error.issues.length ? { issues: error.issues } : {}) },
        ...(current !== undefined ? { current } : {}),
      };
      return c.json(body, error.status as 400);
    }
    console.error(error);
    return c.json({ error: { code: 'server/failed', message: 'The server could not complete the request.' } }, 500);
  });
  return app;
}

/**
 * The first request of a tenant or learner registers them (their identity is the site's to manage).
 * `seen` only saves repeating the upsert: a cache another instance does not need, not state.
 */
const seen = new Set<string>();
async function ensureTenantAndLearner(
  db: Db,
  who: { tenant: string; sub: string; name?: string; email?: string; roles: string[] },
): Promise<void> {
  const key = JSON.stringify([who.tenant, who.sub, who.name, who.email, who.roles]);
  if (seen.has(key)) return;
  await db.query('INSERT INTO tenants (id) VALUES ($1) ON CONFLICT DO NOTHING', [who.tenant]);
  await db.query(
    `INSERT INTO learners (tenant_id, id, name, email, roles) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (tenant_id, id) DO UPDATE SET name = COALESCE(EXCLUDED.name, learners.name), email = COALESCE(EXCLUDED.email, learners.email), roles = EXCLUDED.roles`,
    [who.tenant, who.sub, who.name ?? null, who.email ?? null, who.roles],
  );
  if (seen.size > 10_000) seen.clear();
  seen.add(key);
}
