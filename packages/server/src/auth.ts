/**
 * Identity comes from the host site: a JWT it issued (its own login or SSO), verified with a shared
 * secret (HS256) or the site's JWKS URL. Claims: `sub` (the learner id, e.g. `mailto:…`), `name`,
 * `email`, `tenant`, `roles` (`learner`, `instructor`, `admin`). Nothing is kept between requests.
 */
import { createRemoteJWKSet, decodeJwt, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { HttpError } from './errors.js';
import type { ServerKey } from './keys.js';

export type Role = 'learner' | 'instructor' | 'admin';

export interface Identity {
  sub: string;
  tenant: string;
  roles: Role[];
  name?: string;
  email?: string;
  /** An identity this server handed out to an anonymous learner (only where the tenant allows them). */
  anonymous?: boolean;
}

/** Issuer and audience of the anonymous identities this server hands out. */
export const ANONYMOUS_AUDIENCE = 'urn:lms-kit:anonymous';

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

export function createVerifier(options: AuthOptions, serverKey?: () => Promise<ServerKey>, issuer?: () => Promise<string>): Verify {
  const key: Uint8Array | JWTVerifyGetKey | undefined = options.jwksUrl
    ? createRemoteJWKSet(new URL(options.jwksUrl))
    : options.secret
      ? new TextEncoder().encode(options.secret)
      : undefined;
  if (!key) throw new Error('The server needs LMS_JWT_SECRET or LMS_JWKS_URL to verify tokens.');
  // A token verified once is known until it expires: a page sends the same token with every request.
  const verified = new Map<string, { who: Identity; until: number }>();
  const check = async (token: string): Promise<JWTPayload> => {
    if (serverKey && issuer && decodeJwt(token).aud === ANONYMOUS_AUDIENCE) {
      const { payload } = await jwtVerify(token, (await serverKey()).publicKey, { issuer: await issuer(), audience: ANONYMOUS_AUDIENCE });
      return payload;
    }
    return (await jwtVerify(token, key as Uint8Array, { issuer: options.issuer, audience: options.audience })).payload;
  };
  return async (authorization) => {
    const token = /^Bearer (.+)$/i.exec(authorization ?? '')?.[1];
    if (!token) throw new HttpError(401, 'auth/unauthenticated', 'A bearer token is required.');
    const known = verified.get(token);
    if (known && known.until > Date.now()) return known.who;
    let payload;
    try {
      payload = await check(token);
    } catch (error) {
      throw new HttpError(401, 'auth/unauthenticated', `The token was refused: ${(error as Error).message}`);
    }
    const tenant = typeof payload.tenant === 'string' ? payload.tenant : options.defaultTenant;
    if (!payload.sub || !tenant) throw new HttpError(401, 'auth/unauthenticated', 'The token names no subject or tenant.');
    const roles = (Array.isArray(payload.roles) ? payload.roles : ['learner']).filter((r): r is Role => ROLES.has(r as Role));
    const who: Identity = {
      sub: payload.sub,
      tenant,
      roles: roles.length ? roles : ['learner'],
      name: typeof payload.name === 'string' ? payload.name : undefined,
      email: typeof payload.email === 'string' ? payload.email : undefined,
    };
    if (payload.aud === ANONYMOUS_AUDIENCE) Object.assign(who, { anonymous: true, roles: ['learner'] });
    if (verified.size >= 10_000) verified.clear();
    // Kept at most a minute past verification, never past expiry.
    verified.set(token, { who, until: Math.min(Date.now() + 60_000, payload.exp ? payload.exp * 1000 : Infinity) });
    return who;
  };
}
