/**
 * Report views beyond a course summary, each one SQL query over indexes: quiz item analysis,
 * group comparison, one learner across courses, and compliance (overdue, certificates expiring).
 * Every view is limited to the learners the caller may see; learners are refused outright.
 */
import { isAdmin } from '../access.js';
import { route } from '../api.js';
import type { Identity } from '../auth.js';
import { forbidden } from '../errors.js';
import * as s from '../schemas.js';
import { visibleTo } from './reports.js';

export const assertReader = (who: Identity) => {
  if (!isAdmin(who) && !who.roles.includes('instructor')) throw forbidden('Reports are for instructors and admins.');
};

/** Share of each end of the score ranking compared for discrimination (Kelley's 27 %). */
const GROUP_SHARE = 0.27;

export const reportViewRoutes = [
  route({
    method: 'get',
    path: '/v1/reports/courses/:course/items',
    tag: 'reports',
    summary:
      'Quiz item analysis of completed attempts: per question % correct, mean credit, the most chosen wrong answer and discrimination (upper minus lower 27 %).',
    query: s.itemQuery,
    async handler({ db, who, params, query }) {
      assertReader(who);
      const { rows } = await db.query<Record<string, unknown>>(
        `WITH a AS (
           SELECT p.id, p.activity_id, (p.data #>> '{data,result,scaled}')::float8 AS scaled, p.data -> 'data' AS d
           FROM attempts p
           WHERE p.tenant_id = $1 AND ${visibleTo(who)} AND p.course_id = $3 AND ($4::text IS NULL OR p.activity_id = $4)
             AND p.data ->> 'status' = 'completed' AND ($5::text IS NULL OR p.learner_id IN
               (SELECT learner_id FROM group_members WHERE tenant_id = $1 AND group_id = $5 AND role = 'learner'))
         ), ranked AS (
           SELECT a.*, row_number() OVER (ORDER BY scaled, id) AS rn, count(*) OVER () AS n FROM a
         ), q AS (
           SELECT r.activity_id, k.key AS question_id, (k.value ->> 'credit')::float8 AS credit,
                  r.d -> 'responses' -> k.key -> 'value' AS response,
                  CASE WHEN r.rn <= ceil(r.n * $6::float8) THEN 'lower' WHEN r.rn > r.n - ceil(r.n * $6::float8) THEN 'upper' END AS band
           FROM ranked r, jsonb_each(r.d #> '{result,questions}') k
           WHERE k.value ->> 'credit' IS NOT NULL AND (k.value ->> 'max')::float8 > 0
         ), wrong AS (
           SELECT DISTINCT ON (activity_id, question_id) activity_id, question_id, response, count(*) OVER (PARTITION BY activity_id, question_id, response) AS times
           FROM q WHERE credit < 1 AND response IS NOT NULL
           ORDER BY activity_id, question_id, count(*) OVER (PARTITION BY activity_id, question_id, response) DESC, response::text
         )
         SELECT q.activity_id AS "activityId", q.question_id AS "questionId", count(*)::int AS answered,
                avg((q.credit >= 1)::int)::float8 AS "pCorrect", avg(q.credit)::float8 AS "meanCredit",
                (avg((q.credit >= 1)::int) FILTER (WHERE band = 'upper') - avg((q.credit >= 1)::int) FILTER (WHERE band = 'lower'))::float8 AS discrimination,
                min(w.response::text) AS "commonWrong", coalesce(min(w.times), 0)::int AS "commonWrongCount"
         FROM q LEFT JOIN wrong w ON w.activity_id = q.activity_id AND w.question_id = q.question_id
         GROUP BY q.activity_id, q.question_id ORDER BY q.activity_id, q.question_id`,
        [who.tenant, who.sub, params.course, query.activity ?? null, query.group ?? null, GROUP_SHARE],
      );
      return {
        courseId: params.course,
        items: rows.map((r) => ({ ...r, commonWrong: r.commonWrong === null ? null : JSON.parse(r.commonWrong as string) })),
      };
    },
  }),
  route({
    method: 'get',
    path: '/v1/reports/courses/:course/groups',
    tag: 'reports',
    summary: 'Group comparison for a course: per group its learners, started, completed, mean score and median time.',
    async handler({ db, who, params }) {
      assertReader(who);
      const { rows } = await db.query(
        `SELECT g.id AS "groupId", g.name, count(DISTINCT m.learner_id)::int AS learners, count(p.learner_id)::int AS started,
                count(p.learner_id) FILTER (WHERE p.completed)::int AS completed, avg(p.score)::float8 AS "meanScore",
                percentile_cont(0.5) WITHIN GROUP (ORDER BY p.time_spent_ms)::float8 AS "medianTimeMs"
         FROM groups g JOIN group_members m ON m.tenant_id = g.tenant_id AND m.group_id = g.id AND m.role = 'learner'
           LEFT JOIN progress p ON p.tenant_id = g.tenant_id AND p.learner_id = m.learner_id AND p.course_id = $3
         WHERE g.tenant_id = $1 AND (${
           isAdmin(who)
             ? '$2::text IS NOT NULL'
             : `g.id IN (SELECT group_id FROM group_members WHERE tenant_id = $1 AND learner_id = $2 AND role = 'instructor')
           OR EXISTS (SELECT 1 FROM course_instructors c WHERE c.tenant_id = $1 AND c.course_id = $3 AND c.learner_id = $2)`
         })
         GROUP BY g.id, g.name ORDER BY g.id`,
        [who.tenant, who.sub, params.course],
      );
      return { courseId: params.course, groups: rows };
    },
  }),
  route({
    method: 'get',
    path: '/v1/reports/learners/:learner',
    tag: 'reports',
    summary: 'One learner across courses: progress, attempts (count, best score, waiting for a grade) and certificates.',
    async handler({ db, who, params }) {
      assertReader(who);
      const { rows } = await db.query(
        `SELECT p.course_id AS "courseId", p.completed, p.score, p.time_spent_ms::float8 AS "timeSpentMs", p.updated_at AS "updatedAt",
                (SELECT count(*)::int FROM attempts a WHERE a.tenant_id = p.tenant_id AND a.learner_id = p.learner_id AND a.course_id = p.course_id) AS attempts,
                (SELECT max((a.data #>> '{data,result,scaled}')::float8) FROM attempts a WHERE a.tenant_id = p.tenant_id AND a.learner_id = p.learner_id AND a.course_id = p.course_id) AS "bestScore",
                (SELECT count(*)::int FROM attempts a WHERE a.tenant_id = p.tenant_id AND a.learner_id = p.learner_id AND a.course_id = p.course_id AND a.data ->> 'status' = 'pending-grading') AS pending,
                (SELECT r.data ->> 'issuedAt' FROM records r WHERE r.tenant_id = p.tenant_id AND r.collection = 'certificates' AND r.learner_id = p.learner_id AND r.course_id = p.course_id ORDER BY r.data ->> 'issuedAt' DESC LIMIT 1) AS "certificateIssuedAt",
                (SELECT r.data ->> 'expiresAt' FROM records r WHERE r.tenant_id = p.tenant_id AND r.collection = 'certificates' AND r.learner_id = p.learner_id AND r.course_id = p.course_id ORDER BY r.data ->> 'issuedAt' DESC LIMIT 1) AS "certificateExpiresAt"
         FROM progress p WHERE p.tenant_id = $1 AND ${visibleTo(who)} AND p.learner_id = $3 ORDER BY p.course_id`,
        [who.tenant, who.sub, params.learner],
      );
      return { learnerId: params.learner, courses: rows };
    },
  }),
  route({
    method: 'get',
    path: '/v1/reports/compliance',
    tag: 'reports',
    summary: 'Who is overdue (due date passed, course not completed) and whose certificate expires within `days` (default 30).',
    query: s.complianceQuery,
    async handler({ db, who, query }) {
      assertReader(who);
      const days = query.days ?? 30;
      const [overdue, expiring] = await Promise.all([
        db.query(
          `SELECT DISTINCT ON (x.learner_id, x.course_id) x.learner_id AS "learnerId", x.course_id AS "courseId", x.due_at AS "dueAt"
           FROM (SELECT coalesce(e.learner_id, g.learner_id) AS learner_id, e.course_id, e.due_at FROM enrollments e
                   LEFT JOIN group_members g ON g.tenant_id = e.tenant_id AND g.group_id = e.group_id AND g.role = 'learner'
                 WHERE e.tenant_id = $1 AND e.due_at < now() AND ($3::text IS NULL OR e.course_id = $3)) x
           LEFT JOIN progress p ON p.tenant_id = $1 AND p.learner_id = x.learner_id AND p.course_id = x.course_id
           WHERE x.learner_id IS NOT NULL AND coalesce(p.completed, false) = false
             AND (${isAdmin(who) ? '$2::text IS NOT NULL' : visibleTo(who).replaceAll('p.learner_id', 'x.learner_id')})
           ORDER BY x.learner_id, x.course_id, x.due_at`,
          [who.tenant, who.sub, query.course ?? null],
        ),
        db.query(
          `SELECT p.learner_id AS "learnerId", p.course_id AS "courseId", p.id AS "certificateId", p.data ->> 'expiresAt' AS "expiresAt"
           FROM records p WHERE p.tenant_id = $1 AND p.collection = 'certificates' AND ${visibleTo(who)}
             AND ($3::text IS NULL OR p.course_id = $3) AND p.data ? 'expiresAt'
             AND (p.data ->> 'expiresAt')::timestamptz BETWEEN now() AND now() + make_interval(days => $4)
           ORDER BY p.data ->> 'expiresAt'`,
          [who.tenant, who.sub, query.course ?? null, days],
        ),
      ]);
      return { days, overdue: overdue.rows, expiring: expiring.rows };
    },
  }),
];
