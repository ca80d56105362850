/**
 * Multi-learner reads, computed in SQL over indexes: progress by course, group or learner (paginated
 * by learner id) and a course's aggregates. An admin sees the tenant; an instructor the learners they
 * teach; a learner only themselves.
 */
import { isAdmin } from '../access.js';
import { route } from '../api.js';
import type { Identity } from '../auth.js';
import { forbidden } from '../errors.js';
import * as s from '../schemas.js';

/** SQL condition (on alias `p`) limiting rows to learners `who` may read; `$1` tenant, `$2` caller. */
export function visibleTo(who: Identity): string {
  if (isAdmin(who)) return '$2::text IS NOT NULL'; // every parameter must appear for its type to be known
  if (!who.roles.includes('instructor')) return 'p.learner_id = $2';
  return `(p.learner_id = $2
    OR p.learner_id IN (SELECT m.learner_id FROM group_members t JOIN group_members m ON m.tenant_id = t.tenant_id AND m.group_id = t.group_id
                        WHERE t.tenant_id = $1 AND t.learner_id = $2 AND t.role = 'instructor')
    OR p.learner_id IN (SELECT coalesce(e.learner_id, g.learner_id) FROM course_instructors c
                        JOIN enrollments e ON e.tenant_id = c.tenant_id AND e.course_id = c.course_id
                        LEFT JOIN group_members g ON g.tenant_id = e.tenant_id AND g.group_id = e.group_id
                        WHERE c.tenant_id = $1 AND c.learner_id = $2))`;
}

export const reportRoutes = [
  route({
    method: 'get',
    path: '/v1/reports/progress',
    tag: 'reports',
    summary: 'Progress rows by course, group or learner, ordered by learner, `after` the last learner of the previous page.',
    query: s.reportQuery,
    async handler({ db, who, query }) {
      const limit = query.limit ?? 100;
      const { rows } = await db.query<Record<string, unknown>>(
        `SELECT p.learner_id AS "learnerId", p.course_id AS "courseId", p.completed, p.time_spent_ms AS "timeSpentMs", p.score,
                p.updated_at AS "updatedAt",
                (SELECT count(*)::int FROM jsonb_each(p.data -> 'lessons') l WHERE l.value ->> 'status' IN ('completed', 'passed')) AS "lessonsCompleted"
         FROM progress p
         WHERE p.tenant_id = $1 AND ${visibleTo(who)}
           AND ($3::text IS NULL OR p.course_id = $3) AND ($4::text IS NULL OR p.learner_id = $4)
           AND ($5::text IS NULL OR p.learner_id IN (SELECT learner_id FROM group_members WHERE tenant_id = $1 AND group_id = $5 AND role = 'learner'))
           AND ($6::text IS NULL OR p.learner_id > $6)
         ORDER BY p.learner_id, p.course_id LIMIT $7`,
        [who.tenant, who.sub, query.course ?? null, query.learner ?? null, query.group ?? null, query.after ?? null, limit + 1],
      );
      const items = rows.slice(0, limit);
      return { items, next: rows.length > limit ? items[items.length - 1].learnerId : null };
    },
  }),
  route({
    method: 'get',
    path: '/v1/reports/courses/:course/summary',
    tag: 'reports',
    summary:
      'A course’s enrolled/started/completed counts, score distribution, per-lesson reach and time spent (admins, its instructors, and instructors of the `group` asked for).',
    query: s.summaryQuery,
    async handler({ db, who, params, query }) {
      if (!isAdmin(who)) {
        // An instructor of the course sees all of it; an instructor of a group, the course filtered to that group.
        const { rows } = await db.query(
          `SELECT 1 FROM course_instructors WHERE tenant_id = $1 AND course_id = $2 AND learner_id = $3
           UNION ALL SELECT 1 FROM group_members WHERE tenant_id = $1 AND group_id = $4 AND learner_id = $3 AND role = 'instructor'`,
          [who.tenant, params.course, who.sub, query.group ?? null],
        );
        if (!rows.length)
          throw forbidden('Only an admin, an instructor of this course, or an instructor of the group asked for may see this report.');
      }
      const filtered = Boolean(query.group || query.from || query.to || query.version);
      const args = [who.tenant, params.course, query.group ?? null, query.from ?? null, query.to ?? null, query.version ?? null];
      // The filters, on progress alias `p` ($3 group, $4..$5 the learner's last activity between, $6 course version).
      const where = `p.tenant_id = $1 AND p.course_id = $2
        AND ($3::text IS NULL OR p.learner_id IN (SELECT learner_id FROM group_members WHERE tenant_id = $1 AND group_id = $3 AND role = 'learner'))
        AND ($4::timestamptz IS NULL OR coalesce((p.data ->> 'updatedAt')::timestamptz, p.updated_at) >= $4)
        AND ($5::timestamptz IS NULL OR coalesce((p.data ->> 'updatedAt')::timestamptz, p.updated_at) < $5)
        AND ($6::text IS NULL OR p.data ->> 'courseVersion' = $6)`;
      const [counts, enrolled, scores, lessons, over, sessions] = await Promise.all([
        db.query<{ started: number; completed: number; passed: number; total_ms: number; median_ms: number | null }>(
          `SELECT count(*)::int AS started, count(*) FILTER (WHERE completed)::int AS completed,
                  count(*) FILTER (WHERE coalesce((data #>> '{result,passed}')::boolean, false))::int AS passed, coalesce(sum(time_spent_ms), 0)::float8 AS total_ms,
                  percentile_cont(0.5) WITHIN GROUP (ORDER BY time_spent_ms) AS median_ms
           FROM progress p WHERE ${where}`,
          args,
        ),
        db.query<{ n: number }>(
          `SELECT count(DISTINCT coalesce(e.learner_id, g.learner_id))::int AS n FROM enrollments e
             LEFT JOIN group_members g ON g.tenant_id = e.tenant_id AND g.group_id = e.group_id AND g.role = 'learner'
           WHERE e.tenant_id = $1 AND e.course_id = $2 AND ($3::text IS NULL OR coalesce(e.learner_id, g.learner_id) IN
             (SELECT learner_id FROM group_members WHERE tenant_id = $1 AND group_id = $3 AND role = 'learner'))`,
          args.slice(0, 3),
        ),
        db.query<{ bucket: number; n: number }>(
          `SELECT least(floor(score * 10), 9)::int AS bucket, count(*)::int AS n FROM progress p
           WHERE ${where} AND score IS NOT NULL GROUP BY 1 ORDER BY 1`,
          args,
        ),
        filtered
          ? db.query<{ lesson_id: string; reached: number; completed: number; time_ms: number }>(
              `SELECT l.lesson_id, count(*)::int AS reached, count(*) FILTER (WHERE l.completed)::int AS completed, sum(l.time_spent_ms)::float8 AS time_ms
               FROM progress_lessons l JOIN progress p ON p.tenant_id = l.tenant_id AND p.course_id = l.course_id AND p.learner_id = l.learner_id
               WHERE ${where} GROUP BY l.lesson_id ORDER BY l.lesson_id`,
              args,
            )
          : db.query<{ lesson_id: string; reached: number; completed: number; time_ms: number }>(
              `SELECT lesson_id, reached, completed, time_spent_ms::float8 AS time_ms
               FROM lesson_totals WHERE tenant_id = $1 AND course_id = $2 AND reached > 0 ORDER BY lesson_id`,
              args.slice(0, 2),
            ),
        db.query<{ day: string; n: number }>(
          `SELECT to_char(date_trunc('day', (p.data ->> 'completedAt')::timestamptz AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS day, count(*)::int AS n
           FROM progress p WHERE ${where} AND p.data ? 'completedAt' GROUP BY 1 ORDER BY 1`,
          args,
        ),
        // Seats and attendance of the course's sessions ($3: only the bookings of that group's learners).
        db.query<{ lesson_id: string; capacity: number; booked: number; waiting: number; attended: number }>(
          `SELECT s.lesson_id, s.capacity, count(b.*) FILTER (WHERE b.status = 'booked')::int AS booked,
                  count(b.*) FILTER (WHERE b.status = 'waiting')::int AS waiting, count(b.*) FILTER (WHERE b.attended)::int AS attended
           FROM lesson_sessions s LEFT JOIN session_bookings b ON b.tenant_id = s.tenant_id AND b.course_id = s.course_id AND b.lesson_id = s.lesson_id
             AND ($3::text IS NULL OR b.learner_id IN (SELECT learner_id FROM group_members WHERE tenant_id = $1 AND group_id = $3 AND role = 'learner'))
           WHERE s.tenant_id = $1 AND s.course_id = $2 GROUP BY s.lesson_id, s.capacity ORDER BY s.lesson_id`,
          args.slice(0, 3),
        ),
      ]);
      const c = counts.rows[0];
      return {
        courseId: params.course,
        enrolled: enrolled.rows[0].n,
        started: c.started,
        completed: c.completed,
        passed: c.passed,
        completionOverTime: over.rows.map((r) => ({ date: r.day, completed: r.n })),
        timeSpentMs: { total: Number(c.total_ms), median: c.median_ms === null ? null : Number(c.median_ms) },
        scoreDistribution: Array.from({ length: 10 }, (_, i) => ({
          from: i / 10,
          to: (i + 1) / 10,
          count: scores.rows.find((r) => r.bucket === i)?.n ?? 0,
        })),
        lessons: lessons.rows.map((r) => ({
          lessonId: r.lesson_id,
          reached: r.reached,
          completed: r.completed,
          dropOff: r.reached - r.completed,
          timeSpentMs: Number(r.time_ms),
        })),
        ...(sessions.rows.length
          ? {
              sessions: sessions.rows.map((r) => ({
                lessonId: r.lesson_id,
                capacity: r.capacity,
                booked: r.booked,
                waiting: r.waiting,
                attended: r.attended,
              })),
            }
          : {}),
      };
    },
  }),
];
