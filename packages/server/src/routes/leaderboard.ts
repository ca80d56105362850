/**
 * The leaderboard, ranked in SQL over `points_totals` (kept by a trigger from the learners' points
 * awards, see migrations/010_leaderboard.sql). Off unless the tenant turns it on; learners appear to
 * others only once they opt in (under a pseudonym if they like). A learner sees the top N and where
 * they stand with the learners just above and below; an admin, or an instructor of a group, sees every
 * learner of that group by name.
 */
import { isAdmin } from '../access.js';
import { route } from '../api.js';
import type { Identity } from '../auth.js';
import type { Queryable } from '../db.js';
import { forbidden } from '../errors.js';
import * as s from '../schemas.js';

type Query = ReturnType<typeof s.leaderboardQuery.parse>;

export interface LeaderboardRow {
  rank: number;
  points: number;
  /** Pseudonym or name (null when the learner has neither); staff see the name. */
  name: string | null;
  you: boolean;
  /** Only for staff looking at a group they may read. */
  learnerId?: string;
}

/** Whether the tenant turned the leaderboard on, and the key of the current period (`week:2026-W49`). */
async function settingsAndPeriod(db: Queryable, tenant: string, period: Query['period']) {
  const { rows } = await db.query<{ enabled: boolean | null; key: string }>(
    `SELECT (SELECT (settings #>> '{leaderboard,enabled}')::boolean FROM tenants WHERE id = $1) AS enabled,
            CASE $2::text WHEN 'week' THEN 'week:' || to_char(now() AT TIME ZONE 'UTC', 'IYYY-"W"IW')
                          WHEN 'month' THEN 'month:' || to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM') ELSE 'all' END AS key`,
    [tenant, period],
  );
  return { enabled: rows[0].enabled === true, key: rows[0].key };
}

/** Who may see a group's board, and whether they see everyone (staff) or opted-in learners (members). */
async function groupAccess(db: Queryable, who: Identity, group: string): Promise<'all' | 'opted-in'> {
  if (isAdmin(who)) return 'all';
  const { rows } = await db.query<{ role: string }>(
    'SELECT role FROM group_members WHERE tenant_id = $1 AND group_id = $2 AND learner_id = $3',
    [who.tenant, group, who.sub],
  );
  if (rows[0]?.role === 'instructor' && who.roles.includes('instructor')) return 'all';
  if (rows.length) return 'opted-in';
  throw forbidden('Only the members, instructors and admins of this group may see its leaderboard.');
}

/**
 * The ranked learners as one SQL source `board(learner_id, points)`: $1 tenant, $2 scope, $3 period,
 * then $4 group and $5 "everyone" for a group board.
 */
function boardSource(query: Query): string {
  if (query.scope !== 'group')
    return `SELECT learner_id, points FROM points_totals WHERE tenant_id = $1 AND scope = $2 AND period = $3 AND visible`;
  return `SELECT g.learner_id, coalesce(t.points, 0) AS points FROM group_members g
    LEFT JOIN points_totals t ON t.tenant_id = g.tenant_id AND t.scope = $2 AND t.period = $3 AND t.learner_id = g.learner_id
    WHERE g.tenant_id = $1 AND g.group_id = $4 AND g.role = 'learner'
      AND ($5 OR EXISTS (SELECT 1 FROM leaderboard_members m WHERE m.tenant_id = g.tenant_id AND m.learner_id = g.learner_id))`;
}

export const leaderboardRoutes = [
  route({
    method: 'get',
    path: '/v1/leaderboard',
    tag: 'engagement',
    summary:
      'The leaderboard of the site, a course or a group, for all time, this ISO week or this month: the top `limit`, and the caller’s rank with `around` learners above and below. `{ enabled: false }` while the tenant has it off.',
    query: s.leaderboardQuery,
    async handler({ db, who, query }) {
      const { enabled, key } = await settingsAndPeriod(db, who.tenant, query.period);
      if (!enabled) return { enabled: false };
      const everyone = query.scope === 'group' && (await groupAccess(db, who, query.group!)) === 'all';
      const scope = query.scope === 'course' ? query.course! : '';
      const args: unknown[] = query.scope === 'group' ? [who.tenant, scope, key, query.group, everyone] : [who.tenant, scope, key];
      const board = `WITH board AS NOT MATERIALIZED (${boardSource(query)})`;
      const n = args.length;
      const [top, mine, member] = await Promise.all([
        db.query<{ learner_id: string; points: number; rank: number }>(
          `${board} SELECT learner_id, points, rank() OVER (ORDER BY points DESC)::int AS rank FROM board ORDER BY points DESC, learner_id LIMIT $${n + 1}`,
          [...args, query.limit],
        ),
        db.query<{ points: number }>(
          'SELECT points FROM points_totals WHERE tenant_id = $1 AND scope = $2 AND period = $3 AND learner_id = $4',
          [who.tenant, scope, key, who.sub],
        ),
        db.query<{ pseudonym: string | null }>('SELECT pseudonym FROM leaderboard_members WHERE tenant_id = $1 AND learner_id = $2', [
          who.tenant,
          who.sub,
        ]),
      ]);
      const points = mine.rows[0]?.points ?? 0;
      // Ranks count the learners with more points (ties share a rank); the caller is ranked among them
      // even when not opted in, without being shown to anyone else. Neighbours are read as index ranges
      // (same points on one side of the caller's id, then more or fewer points), never by scanning.
      const rankOf = `1 + (SELECT count(*) FROM board b WHERE b.points > x.points)::int`;
      const [above, below, me] = await Promise.all([
        db.query<{ learner_id: string; points: number; rank: number }>(
          `${board} SELECT x.learner_id, x.points, ${rankOf} AS rank FROM (SELECT * FROM (
             (SELECT learner_id, points FROM board WHERE points = $${n + 2} AND learner_id < $${n + 1} ORDER BY learner_id DESC LIMIT $${n + 3})
             UNION ALL (SELECT learner_id, points FROM board WHERE points > $${n + 2} ORDER BY points, learner_id DESC LIMIT $${n + 3})
           ) u ORDER BY points, learner_id DESC LIMIT $${n + 3}) x ORDER BY x.points DESC, x.learner_id`,
          [...args, who.sub, points, query.around],
        ),
        db.query<{ learner_id: string; points: number; rank: number }>(
          `${board} SELECT x.learner_id, x.points, ${rankOf} AS rank FROM (SELECT * FROM (
             (SELECT learner_id, points FROM board WHERE points = $${n + 2} AND learner_id > $${n + 1} ORDER BY learner_id LIMIT $${n + 3})
             UNION ALL (SELECT learner_id, points FROM board WHERE points < $${n + 2} ORDER BY points DESC, learner_id LIMIT $${n + 3})
           ) u ORDER BY points DESC, learner_id LIMIT $${n + 3}) x ORDER BY x.points DESC, x.learner_id`,
          [...args, who.sub, points, query.around],
        ),
        db.query<{ rank: number }>(`${board} SELECT 1 + count(*)::int AS rank FROM board WHERE points > $${n + 1}`, [...args, points]),
      ]);
      const ids = [...new Set([...top.rows, ...above.rows, ...below.rows].map((r) => r.learner_id))];
      const names = await displayNames(db, who.tenant, ids, everyone);
      const row = (r: { learner_id: string; points: number; rank: number }): LeaderboardRow => ({
        rank: r.rank,
        points: r.points,
        name: names.get(r.learner_id) ?? null,
        you: r.learner_id === who.sub,
        ...(everyone ? { learnerId: r.learner_id } : {}),
      });
      const you: LeaderboardRow = { rank: me.rows[0].rank, points, name: member.rows[0]?.pseudonym ?? who.name ?? null, you: true };
      return {
        enabled: true,
        scope: query.scope,
        period: key,
        top: top.rows.map(row),
        nearby: [...above.rows.map(row), you, ...below.rows.map(row)],
        you: { ...you, optedIn: member.rows.length > 0, pseudonym: member.rows[0]?.pseudonym ?? null },
      };
    },
  }),
  route({
    method: 'get',
    path: '/v1/leaderboard/me',
    tag: 'engagement',
    summary: 'Whether the caller shows on the leaderboard, and under which pseudonym.',
    async handler({ db, who }) {
      const { rows } = await db.query<{ pseudonym: string | null }>(
        'SELECT pseudonym FROM leaderboard_members WHERE tenant_id = $1 AND learner_id = $2',
        [who.tenant, who.sub],
      );
      return { optedIn: rows.length > 0, pseudonym: rows[0]?.pseudonym ?? null };
    },
  }),
  route({
    method: 'put',
    path: '/v1/leaderboard/me',
    tag: 'engagement',
    summary: 'Opts the caller in (optionally under a pseudonym) or out of the leaderboard.',
    body: s.leaderboardMemberBody,
    async handler({ db, who, body }) {
      if (!body.optIn) {
        await db.query('DELETE FROM leaderboard_members WHERE tenant_id = $1 AND learner_id = $2', [who.tenant, who.sub]);
        return { optedIn: false, pseudonym: null };
      }
      await db.query(
        `INSERT INTO leaderboard_members (tenant_id, learner_id, pseudonym) VALUES ($1, $2, $3)
         ON CONFLICT (tenant_id, learner_id) DO UPDATE SET pseudonym = EXCLUDED.pseudonym`,
        [who.tenant, who.sub, body.pseudonym ?? null],
      );
      return { optedIn: true, pseudonym: body.pseudonym ?? null };
    },
  }),
];

/** Names shown for `ids`: the pseudonym, else the name; staff see the name, else the learner id. */
async function displayNames(db: Queryable, tenant: string, ids: string[], staff: boolean): Promise<Map<string, string | null>> {
  if (!ids.length) return new Map();
  const { rows } = await db.query<{ id: string; name: string | null; pseudonym: string | null }>(
    `SELECT l.id, l.name, m.pseudonym FROM learners l
       LEFT JOIN leaderboard_members m ON m.tenant_id = l.tenant_id AND m.learner_id = l.id
     WHERE l.tenant_id = $1 AND l.id = ANY($2::text[])`,
    [tenant, ids],
  );
  return new Map(rows.map((r) => [r.id, staff ? (r.name ?? r.id) : (r.pseudonym ?? r.name)]));
}
