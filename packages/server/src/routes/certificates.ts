/**
 * Certificates the server signs with its own key, by the endpoint contract of `serverSigner()` in
 * `@lms-kit/certificates` (endpoint `<server>/v1/certificates`). The page asks; the server issues only
 * when its own records say the learner completed the course, sets itself as issuer, signs, keeps it.
 * Anyone can verify one by id, and read the public key: those routes need no token.
 */
import { jwtClaims, type OpenBadgeCredential } from '@lms-kit/certificates';
import { SignJWT } from 'jose';
import { route } from '../api.js';
import { forbidden, HttpError, notFound } from '../errors.js';
import * as s from '../schemas.js';

interface IssuedRow {
  jwt: string;
  learner_id: string;
  revoked_at: Date | null;
  revoked_reason: string | null;
}

export const certificateRoutes = [
  route({
    method: 'get',
    path: '/v1/certificates/issuer',
    tag: 'certificates',
    public: true,
    summary: 'The issuer URI of the certificates this server signs.',
    async handler({ services }) {
      return { id: await services.issuer() };
    },
  }),
  route({
    method: 'get',
    path: '/v1/certificates/jwks',
    tag: 'certificates',
    public: true,
    summary: 'The public keys this server signs certificates with (JWKS).',
    async handler({ services }) {
      return { keys: [(await services.serverKey()).publicJwk] };
    },
  }),
  route({
    method: 'get',
    path: '/v1/certificates/credentials/:id',
    tag: 'certificates',
    public: true,
    summary: 'Verification by id: the signed certificate (VC-JWT) and whether it is revoked; 404 when this server did not issue it.',
    async handler({ db, params }) {
      const { rows } = await db.query<IssuedRow>(
        'SELECT jwt, learner_id, revoked_at, revoked_reason FROM issued_certificates WHERE id = $1',
        [params.id],
      );
      const row = rows[0];
      if (!row) throw notFound('This certificate');
      const status = row.revoked_at
        ? {
            revoked: true,
            revokedAt: new Date(row.revoked_at).toISOString(),
            ...(row.revoked_reason ? { reason: row.revoked_reason } : {}),
          }
        : { revoked: false };
      return { jwt: row.jwt, status };
    },
  }),
  route({
    method: 'post',
    path: '/v1/certificates/credentials',
    tag: 'certificates',
    status: 201,
    summary:
      'Issues a certificate for the caller’s completed course: the server checks completion in its own records (403 `certificate/not-earned`), sets itself as issuer and signs (ES256 VC-JWT).',
    body: s.credentialBody,
    async handler({ db, who, body, services }) {
      const requested = body.credential as unknown as OpenBadgeCredential & { lmsKit: { learnerId: string; courseId: string } };
      const { learnerId, courseId } = requested.lmsKit;
      if (learnerId !== who.sub) throw forbidden('A certificate is issued to the learner who earned it, not for someone else.');
      const { rows } = await db.query<{ completed: boolean }>(
        'SELECT completed FROM progress WHERE tenant_id = $1 AND learner_id = $2 AND course_id = $3',
        [who.tenant, who.sub, courseId],
      );
      if (!rows[0]?.completed)
        throw new HttpError(403, 'certificate/not-earned', 'The server’s records do not show this course completed.');
      // Progress is written by the learner's pages; the course's server-graded quizzes are the server's own word.
      const open = await db.query<{ id: string }>(
        `SELECT q.id FROM quizzes q WHERE q.tenant_id = $1 AND q.course_id = $2 AND NOT EXISTS (
           SELECT 1 FROM attempts a WHERE a.tenant_id = q.tenant_id AND a.learner_id = $3 AND a.course_id = q.course_id
             AND a.activity_id = q.activity_id AND a.data ->> 'grading' = 'server' AND a.data ->> 'status' = 'completed'
             AND coalesce(a.data #>> '{data,result,passed}', 'true') = 'true')`,
        [who.tenant, courseId, who.sub],
      );
      if (open.rows.length)
        throw new HttpError(403, 'certificate/not-earned', `The server-graded quiz ${open.rows[0].id} of this course is not passed yet.`);
      const existing = await db.query<IssuedRow>(
        'SELECT jwt, learner_id, revoked_at, revoked_reason FROM issued_certificates WHERE id = $1',
        [requested.id],
      );
      if (existing.rows[0]) {
        if (existing.rows[0].learner_id !== who.sub) throw new HttpError(409, 'storage/conflict', 'This certificate id is taken.');
        return { jwt: existing.rows[0].jwt };
      }
      const key = await services.serverKey();
      const credential: OpenBadgeCredential = { ...requested, issuer: { ...requested.issuer, id: await services.issuer() } };
      const { kty, crv, x, y } = key.publicJwk;
      const jwt = await new SignJWT({ ...credential, ...jwtClaims(credential) })
        .setProtectedHeader({ alg: 'ES256', typ: 'JWT', kid: key.kid, jwk: { kty, crv, x, y } })
        .sign(key.privateKey);
      await db.query(
        'INSERT INTO issued_certificates (id, tenant_id, learner_id, course_id, jwt) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING',
        [credential.id, who.tenant, who.sub, courseId, jwt],
      );
      return { jwt };
    },
  }),
];
