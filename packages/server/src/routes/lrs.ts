/** The tenant's LRSs (admins): statements queued on the server are forwarded to each of them. */
import { assertAdmin } from '../access.js';
import { route } from '../api.js';
import { lrsBody } from '../schemas.js';

export const lrsRoutes = [
  route({
    method: 'put',
    path: '/v1/lrs/:id',
    tag: 'statements',
    summary: 'Adds or changes an LRS of the tenant; statements already queued are sent to it too.',
    body: lrsBody,
    async handler({ db, who, params, body }) {
      assertAdmin(who);
      await db.transaction(async (tx) => {
        await tx.query(
          `INSERT INTO lrs_targets (tenant_id, id, endpoint, version, username, password) VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (tenant_id, id) DO UPDATE SET endpoint = EXCLUDED.endpoint, version = EXCLUDED.version, username = EXCLUDED.username,
             password = EXCLUDED.password, failures = 0, next_attempt_at = now(), last_error = NULL`,
          [who.tenant, params.id, body.endpoint, body.version, body.username ?? null, body.password ?? null],
        );
        await tx.query(
          'INSERT INTO lrs_pending (tenant_id, target_id, seq) SELECT $1, $2, seq FROM outbox WHERE tenant_id = $1 ON CONFLICT DO NOTHING',
          [who.tenant, params.id],
        );
      });
      return undefined;
    },
  }),
  route({
    method: 'get',
    path: '/v1/lrs',
    tag: 'statements',
    summary: 'The tenant’s LRSs with what waits for each and the last error (never the credentials).',
    async handler({ db, who }) {
      assertAdmin(who);
      const { rows } = await db.query(
        `SELECT t.id, t.endpoint, t.version, t.failures, t.last_error AS "lastError",
                (SELECT count(*)::int FROM lrs_pending p WHERE p.tenant_id = t.tenant_id AND p.target_id = t.id) AS pending
         FROM lrs_targets t WHERE t.tenant_id = $1 ORDER BY t.id`,
        [who.tenant],
      );
      return { items: rows };
    },
  }),
  route({
    method: 'delete',
    path: '/v1/lrs/:id',
    tag: 'statements',
    summary: 'Stops forwarding to an LRS.',
    async handler({ db, who, params }) {
      assertAdmin(who);
      await db.query('DELETE FROM lrs_targets WHERE tenant_id = $1 AND id = $2', [who.tenant, params.id]);
      return undefined;
    },
  }),
];
