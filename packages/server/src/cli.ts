/**
 * `lms-kit-server`: the HTTP service configured from the environment.
 *   DATABASE_URL            postgres://… (without it: embedded PGlite in LMS_DATA_DIR, default ./lms-data)
 *   LMS_JWT_SECRET / LMS_JWKS_URL, LMS_JWT_ISSUER, LMS_JWT_AUDIENCE, LMS_DEFAULT_TENANT
 *   LMS_CORS_ORIGINS        comma-separated origins, or *
 *   HOST (127.0.0.1), PORT (8787; 0 picks a free one), LMS_DB_POOL (connections per instance)
 *   LMS_SIGNING_KEY         private P-256 JWK (JSON) for certificates and anonymous identities (default: one kept in the database)
 *   LMS_ISSUER              issuer URI of what the server signs
 *   LMS_REMINDERS_MINUTES   minutes between runs of the reminder job (15; 0 turns it off)
 * Prints one line `listening on http://HOST:PORT` when ready.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { startServer } from './server.js';

const env = process.env;
const dataDir = env.LMS_DATA_DIR ?? './lms-data';

/** Embedded development mode with no key configured: a random secret kept beside the data, said aloud. */
function developmentSecret(): string {
  const file = join(dataDir, 'dev-jwt-secret');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  }
  console.warn(`No LMS_JWT_SECRET or LMS_JWKS_URL: tokens are checked with the development secret in ${file}.`);
  return readFileSync(file, 'utf8').trim();
}

const secret = env.LMS_JWT_SECRET ?? (env.LMS_JWKS_URL || env.DATABASE_URL ? undefined : developmentSecret());
const server = await startServer({
  databaseUrl: env.DATABASE_URL,
  dataDir,
  maxConnections: env.LMS_DB_POOL ? Number(env.LMS_DB_POOL) : undefined,
  remindersEveryMinutes: env.LMS_REMINDERS_MINUTES ? Number(env.LMS_REMINDERS_MINUTES) : undefined,
  auth: {
    secret,
    jwksUrl: env.LMS_JWKS_URL,
    issuer: env.LMS_JWT_ISSUER,
    audience: env.LMS_JWT_AUDIENCE,
    defaultTenant: env.LMS_DEFAULT_TENANT ?? 'default',
  },
  signingKey: env.LMS_SIGNING_KEY,
  issuer: env.LMS_ISSUER,
  corsOrigins: env.LMS_CORS_ORIGINS?.split(',')
    .map((o) => o.trim())
    .filter(Boolean),
  host: env.HOST ?? '127.0.0.1',
  port: Number(env.PORT ?? 8787),
  forwarding: env.LMS_FORWARD_INTERVAL_MS ? { intervalMs: Number(env.LMS_FORWARD_INTERVAL_MS), retryBaseMs: 200 } : undefined,
});
console.log(`listening on ${server.url}`);
const stop = () => void server.close().then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
