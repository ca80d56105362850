/**
 * `lms-kit-server`: the HTTP service configured from the environment.
 *   DATABASE_URL            postgres://… (without it: embedded PGlite in LMS_DATA_DIR, default ./lms-data)
 *   LMS_JWT_SECRET / LMS_JWKS_URL, LMS_JWT_ISSUER, LMS_JWT_AUDIENCE, LMS_DEFAULT_TENANT
 *   LMS_CORS_ORIGINS        comma-separated origins, or *
 *   HOST (127.0.0.1), PORT (8787; 0 picks a free one), LMS_DB_POOL (connections per instance)
 * Prints one line `listening on http://HOST:PORT` when ready.
 */
import { startServer } from './server.js';

const env = process.env;
const server = await startServer({
  databaseUrl: env.DATABASE_URL,
  dataDir: env.LMS_DATA_DIR ?? './lms-data',
  maxConnections: env.LMS_DB_POOL ? Number(env.LMS_DB_POOL) : undefined,
  auth: {
    secret: env.LMS_JWT_SECRET,
    jwksUrl: env.LMS_JWKS_URL,
    issuer: env.LMS_JWT_ISSUER,
    audience: env.LMS_JWT_AUDIENCE,
    defaultTenant: env.LMS_DEFAULT_TENANT,
  },
  corsOrigins: env.LMS_CORS_ORIGINS?.split(',')
    .map((o) => o.trim())
    .filter(Boolean),
  host: env.HOST ?? '127.0.0.1',
  port: Number(env.PORT ?? 8787),
});
console.log(`listening on ${server.url}`);
const stop = () => void server.close().then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
