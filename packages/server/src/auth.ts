/**
 * Identity comes from the host site: a JWT it issued (its own login or SSO), verified with a shared
 * secret (HS256) or the site's JWKS URL. Claims: `sub` (the learner id, e.g. `mailto:…`), `name`,
 * `email`, `tenant`, `roles` (`learner`, `instructor`, `admin`). Nothing is kept between requests.
 */
import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { HttpError } from './errors.js';

export type Role = 'learner' | 'instructor' | 'admin';

export interface Identity {
  sub: string;
  tenant: string;
  roles: Role[];
  name?: string;
  email?: string;
}

export interface AuthOptions {
  /** Shared secret for HS256 tokens. */
  secret?: string;
  /** URL of the site's JSON Web Key Set (RS256, ES256, EdDSA…). */
  jwksUrl?: string;
  issuer?: string;
  audience?: string;
  /** Tenant of tokens without a `tenant` claim (one site). */
  defaultTenant?: string;
}

const ROLES = new Set<Role>(['learner', 'instructor', 'admin']);

export type Verify = (authorization: string | undefined) => Promise<Identity>;

export function createVerifier(options: AuthOptions): Verify {
  const key: Uint8Array | JWTVerifyGetKey | undefined = options.jwksUrl
    ? createRemoteJWKSet(new URL(options.jwksUrl))
    : options.secret
      ? new TextEncoder().encode(options.secret)
      : undefined;
  if (!key) throw new Error('The server needs LMS_JWT_SECRET or LMS_JWKS_URL to verify tokens.');
  return async (authorization) => {
    const token = /^Bearer (.+)$/i.exec(authorization ?? '')?.[1];
    if (!token) throw new HttpError(401, 'auth/unauthenticated', 'A bearer token is required.');
    let payload;
    try {
      ({ payload } = await jwtVerify(token, key as Uint8Array, { issuer: options.issuer, audience: options.audience }));
    } catch (error) {
      throw new HttpError(401, 'auth/unauthenticated', `The token was refused: ${(error as Error).message}`);
    }
    const tenant = typeof payload.tenant === 'string' ? payload.tenant : options.defaultTenant;
    if (!payload.sub || !tenant) throw new HttpError(401, 'auth/unauthenticated', 'The token names no subject or tenant.');
    const roles = (Array.isArray(payload.roles) ? payload.roles : ['learner']).filter((r): r is Role => ROLES.has(r as Role));
    return {
      sub: payload.sub,
      tenant,
      roles: roles.length ? roles : ['learner'],
      name: typeof payload.name === 'string' ? payload.name : undefined,
      email: typeof payload.email === 'string' ? payload.email : undefined,
    };
  };
}
