/**
 * Anonymous learners, for tenants that allow them (tenant setting `anonymous`, off by default): the
 * server hands out an identity of its own, signed with its key, that works only while the tenant
 * allows it. Elsewhere, every request needs a token from the site.
 */
import { SignJWT } from 'jose';
import { randomUUID } from 'node:crypto';
import { assertAdmin } from '../access.js';
import { route } from '../api.js';
import { ANONYMOUS_AUDIENCE } from '../auth.js';
import type { Queryable } from '../db.js';
import { forbidden } from '../errors.js';
import * as s from '../schemas.js';

export async function tenantAllowsAnonymous(db: Queryable, tenant: string): Promise<boolean> {
  const { rows } = await db.query<{ allowed: boolean }>(
    `SELECT (settings ->> 'anonymous')::boolean AS allowed FROM tenants WHERE id = $1`,
    [tenant],
  );
  return rows[0]?.allowed === true;
}

const ANONYMOUS_TOKEN_DAYS = 30;

export const anonymousRoutes = [
  route({
    method: 'put',
    path: '/v1/tenant/settings',
    tag: 'admin',
    summary: 'The tenant’s settings (admins): `anonymous` lets learners without a site login get an anonymous identity (default off).',
    body: s.tenantSettingsBody,
    async handler({ db, who, body }) {
      assertAdmin(who);
      await db.query(`UPDATE tenants SET settings = settings || $2::jsonb WHERE id = $1`, [who.tenant, JSON.stringify(body)]);
      return undefined;
    },
  }),
  route({
    method: 'post',
    path: '/v1/tenants/:tenant/anonymous',
    tag: 'identity',
    public: true,
    status: 201,
    summary:
      'An anonymous learner identity (a token signed by the server, 30 days), where the tenant allows anonymous learners; 403 `auth/forbidden` otherwise.',
    async handler({ db, params, services }) {
      if (!(await tenantAllowsAnonymous(db, params.tenant))) throw forbidden('This tenant does not allow anonymous learners.');
      const learnerId = `urn:lms-kit:anonymous:${randomUUID()}`;
      const key = await services.serverKey();
      const expires = new Date(Date.now() + ANONYMOUS_TOKEN_DAYS * 86_400_000);
      const token = await new SignJWT({ tenant: params.tenant, roles: ['learner'] })
        .setProtectedHeader({ alg: 'ES256', kid: key.kid })
        .setSubject(learnerId)
        .setIssuer(await services.issuer())
        .setAudience(ANONYMOUS_AUDIENCE)
        .setIssuedAt()
        .setExpirationTime(expires)
        .sign(key.privateKey);
      return { token, learnerId, expiresAt: expires.toISOString() };
    },
  }),
];
