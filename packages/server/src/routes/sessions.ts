/**
 * Blended-learning sessions (`session` lessons of a course). An instructor of the course (or an admin)
 * opens a session's seats; learners book or cancel their seat, or queue when it is full and the
 * waiting list is on; instructors of the course, or of a group enrolled in it, list the bookings and
 * mark attendance, which completes the lesson in the learner's progress. Seat counting happens under
 * the session row's lock (see migrations/012_sessions.sql), so concurrent bookings never overfill.
 */
import { isAdmin } from '../access.js';
import { route } from '../api.js';
import type { Identity } from '../auth.js';
import type { Queryable } from '../db.js';
import { HttpError, forbidden, notFound } from '../errors.js';
import * as s from '../schemas.js';

interface SessionRow {
  capacity: number;
  waiting_list: boolean;
  booked: number;
}

const KEY = 'tenant_id = $1 AND course_id = $2 AND lesson_id = $3';

/** Whom `who` teaches in the course: `'all'` (admin, course instructor), the learners of their groups enrolled in it, or no one. */
async function teaching(db: Queryable, who: Identity, course: string): Promise<'all' | 'groups' | undefined> {
  if (isAdmin(who)) return 'all';
  if (!who.roles.includes('instructor')) return undefined;
  const { rows } = await db.query<{ course: boolean }>(
    `SELECT true AS course FROM course_instructors WHERE tenant_id = $1 AND course_id = $2 AND learner_id = $3
     UNION ALL
     SELECT false FROM group_members t JOIN enrollments e ON e.tenant_id = t.tenant_id AND e.group_id = t.group_id AND e.course_id = $2
       WHERE t.tenant_id = $1 AND t.learner_id = $3 AND t.role = 'instructor'`,
    [who.tenant, course, who.sub],
  );
  if (rows.some((r) => r.course)) return 'all';
  return rows.length ? 'groups' : undefined;
}

/** SQL condition on a booking `b` (params $1 tenant, $4 instructor): the booking's learner is in a group the instructor teaches. */
const IN_MY_GROUPS = `EXISTS (SELECT 1 FROM group_members t JOIN group_members m ON m.tenant_id = t.tenant_id AND m.group_id = t.group_id
  JOIN enrollments e ON e.tenant_id = t.tenant_id AND e.group_id = t.group_id AND e.course_id = b.course_id
  WHERE t.tenant_id = $1 AND t.learner_id = $4 AND t.role = 'instructor' AND m.learner_id = b.learner_id AND m.role = 'learner')`;

async function lockSession(tx: Queryable, key: unknown[]): Promise<SessionRow> {
  const { rows } = await tx.query<SessionRow>(`SELECT capacity, waiting_list, booked FROM lesson_sessions WHERE ${KEY} FOR UPDATE`, key);
  if (!rows[0]) throw new HttpError(404, 'session/not-open', 'This session has no seats open for booking yet.');
  return rows[0];
}

/** The caller's place: status, 1-based place in the waiting list, attendance; and the seats left. */
async function standing(db: Queryable, key: unknown[], learner: string) {
  const { rows } = await db.query<
    SessionRow & { status: string | null; position: number | null; attended: boolean | null; waiting: number }
  >(
    `SELECT s.capacity, s.waiting_list, s.booked, b.status, b.attended,
            (SELECT count(*)::int FROM session_bookings w WHERE w.tenant_id = $1 AND w.course_id = $2 AND w.lesson_id = $3 AND w.status = 'waiting') AS waiting,
            CASE WHEN b.status = 'waiting' THEN (SELECT count(*)::int FROM session_bookings w
              WHERE w.tenant_id = $1 AND w.course_id = $2 AND w.lesson_id = $3 AND w.status = 'waiting' AND w.seq <= b.seq) END AS position
     FROM lesson_sessions s LEFT JOIN session_bookings b ON b.tenant_id = s.tenant_id AND b.course_id = s.course_id AND b.lesson_id = s.lesson_id AND b.learner_id = $4
     WHERE s.tenant_id = $1 AND s.course_id = $2 AND s.lesson_id = $3`,
    [...key, learner],
  );
  const r = rows[0];
  if (!r) throw new HttpError(404, 'session/not-open', 'This session has no seats open for booking yet.');
  const status = r.attended ? 'attended' : (r.status ?? 'none');
  return {
    status,
    ...(r.position ? { position: r.position } : {}),
    capacity: r.capacity,
    waitingList: r.waiting_list,
    seatsLeft: r.capacity - r.booked,
    waiting: r.waiting,
  };
}

/** Marks `lesson` completed in the learner's progress document (creating it if the learner never opened the course). */
async function completeLesson(db: Queryable, tenant: string, learner: string, course: string, lesson: string): Promise<void> {
  await db.query(
    `WITH now AS (SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at)
     INSERT INTO progress (tenant_id, learner_id, course_id, data)
       SELECT $1, $2, $3, jsonb_build_object('learnerId', $2::text, 'courseId', $3::text, 'registration', gen_random_uuid()::text,
         'lessons', jsonb_build_object($4::text, jsonb_build_object('status', 'completed', 'openedAt', at, 'completedAt', at, 'timeSpentMs', 0)),
         'lastLessonId', $4::text, 'timeSpentMs', 0, 'startedAt', at, 'updatedAt', at) FROM now
     ON CONFLICT (tenant_id, learner_id, course_id) DO UPDATE SET
       data = jsonb_set(progress.data, ARRAY['lessons', $4::text],
         jsonb_build_object('openedAt', (SELECT at FROM now), 'timeSpentMs', 0) || coalesce(progress.data #> ARRAY['lessons', $4::text], '{}')
           || CASE WHEN progress.data #>> ARRAY['lessons', $4::text, 'status'] = 'completed' THEN '{}'::jsonb
                   ELSE jsonb_build_object('status', 'completed', 'completedAt', (SELECT at FROM now)) END)
         || jsonb_build_object('updatedAt', (SELECT at FROM now)),
       version = progress.version + 1, updated_at = now()`,
    [tenant, learner, course, lesson],
  );
}

export const sessionRoutes = [
  route({
    method: 'put',
    path: '/v1/sessions/:course/:lesson',
    tag: 'sessions',
    summary:
      'Opens (or changes) the seats of a `session` lesson: `capacity`, `waitingList`. Admins and instructors of the course; a capacity below the seats already booked is refused (409).',
    body: s.sessionBody,
    errors: [409],
    async handler({ db, who, params, body }) {
      if ((await teaching(db, who, params.course)) !== 'all')
        throw forbidden('Only an admin or an instructor of this course may open its sessions.');
      const key = [who.tenant, params.course, params.lesson];
      const { rows } = await db.query<{ booked: number }>(
        `INSERT INTO lesson_sessions (tenant_id, course_id, lesson_id, capacity, waiting_list, starts_at) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (tenant_id, course_id, lesson_id) DO UPDATE SET capacity = EXCLUDED.capacity, waiting_list = EXCLUDED.waiting_list, starts_at = EXCLUDED.starts_at
           WHERE lesson_sessions.booked <= EXCLUDED.capacity
         RETURNING booked`,
        [...key, body.capacity, body.waitingList, body.startsAt ?? null],
      );
      if (!rows[0]) throw new HttpError(409, 'session/capacity-below-booked', 'More seats are booked than this capacity allows.');
      return { capacity: body.capacity, waitingList: body.waitingList, booked: rows[0].booked };
    },
  }),
  route({
    method: 'get',
    path: '/v1/sessions/:course/:lesson',
    tag: 'sessions',
    summary:
      'The caller’s booking of a session (`status`: none, booked, waiting with its `position`, attended) with the seats left and the length of the waiting list.',
    errors: [404],
    async handler({ db, who, params }) {
      return standing(db, [who.tenant, params.course, params.lesson], who.sub);
    },
  }),
  route({
    method: 'post',
    path: '/v1/sessions/:course/:lesson/booking',
    tag: 'sessions',
    summary:
      'Books the caller a seat, or a place in the waiting list when the session is full and has one (409 `session/full` otherwise). Booking again changes nothing.',
    errors: [404, 409],
    async handler({ db, who, params }) {
      const key = [who.tenant, params.course, params.lesson];
      await db.transaction(async (tx) => {
        const session = await lockSession(tx, key);
        const mine = await tx.query(`SELECT 1 FROM session_bookings WHERE ${KEY} AND learner_id = $4`, [...key, who.sub]);
        if (mine.rows.length) return;
        const seat = session.booked < session.capacity;
        if (!seat && !session.waiting_list) throw new HttpError(409, 'session/full', 'Every seat of this session is taken.');
        await tx.query(`INSERT INTO session_bookings (tenant_id, course_id, lesson_id, learner_id, status) VALUES ($1, $2, $3, $4, $5)`, [
          ...key,
          who.sub,
          seat ? 'booked' : 'waiting',
        ]);
        if (seat) await tx.query(`UPDATE lesson_sessions SET booked = booked + 1 WHERE ${KEY}`, key);
      });
      return standing(db, key, who.sub);
    },
  }),
  route({
    method: 'delete',
    path: '/v1/sessions/:course/:lesson/booking',
    tag: 'sessions',
    summary:
      'Cancels the caller’s seat or place in the waiting list; a freed seat goes to the first learner waiting. An attended session cannot be cancelled (409).',
    errors: [404, 409],
    async handler({ db, who, params }) {
      const key = [who.tenant, params.course, params.lesson];
      await db.transaction(async (tx) => {
        await lockSession(tx, key);
        const { rows } = await tx.query<{ status: string; attended: boolean | null }>(
          `SELECT status, attended FROM session_bookings WHERE ${KEY} AND learner_id = $4`,
          [...key, who.sub],
        );
        if (!rows[0]) return;
        if (rows[0].attended) throw new HttpError(409, 'session/attended', 'This session was attended; its booking stays.');
        await tx.query(`DELETE FROM session_bookings WHERE ${KEY} AND learner_id = $4`, [...key, who.sub]);
        if (rows[0].status !== 'booked') return;
        const promoted = await tx.query(
          `UPDATE session_bookings SET status = 'booked' WHERE ${KEY} AND learner_id =
             (SELECT learner_id FROM session_bookings WHERE ${KEY} AND status = 'waiting' ORDER BY seq LIMIT 1) RETURNING learner_id`,
          key,
        );
        if (!promoted.rows.length) await tx.query(`UPDATE lesson_sessions SET booked = booked - 1 WHERE ${KEY}`, key);
      });
      return standing(db, key, who.sub);
    },
  }),
  route({
    method: 'get',
    path: '/v1/sessions/:course/:lesson/bookings',
    tag: 'sessions',
    summary:
      'The bookings of a session, seats first then the waiting list in order, with names and attendance: admins and instructors of the course see all, instructors of an enrolled group their group’s learners.',
    errors: [404],
    async handler({ db, who, params }) {
      const scope = await teaching(db, who, params.course);
      if (!scope) throw forbidden('Only the instructors of this course or of its groups may see its bookings.');
      const key = [who.tenant, params.course, params.lesson];
      const session = await standing(db, key, who.sub);
      const { rows } = await db.query<{
        learner_id: string;
        name: string | null;
        status: string;
        attended: boolean | null;
        created_at: Date;
      }>(
        `SELECT b.learner_id, l.name, b.status, b.attended, b.created_at FROM session_bookings b
           LEFT JOIN learners l ON l.tenant_id = b.tenant_id AND l.id = b.learner_id
         WHERE b.tenant_id = $1 AND b.course_id = $2 AND b.lesson_id = $3 AND ($5 OR ${IN_MY_GROUPS})
         ORDER BY b.status, b.seq`,
        [...key, who.sub, scope === 'all'],
      );
      return {
        capacity: session.capacity,
        waitingList: session.waitingList,
        seatsLeft: session.seatsLeft,
        items: rows.map((r) => ({
          learnerId: r.learner_id,
          name: r.name,
          status: r.status,
          attended: r.attended,
          bookedAt: new Date(r.created_at).toISOString(),
        })),
      };
    },
  }),
  route({
    method: 'put',
    path: '/v1/sessions/:course/:lesson/attendance/:learner',
    tag: 'sessions',
    summary:
      'Marks whether a booked learner attended (instructors of the course or of the learner’s group). Attending completes the lesson in the learner’s progress.',
    body: s.attendanceBody,
    errors: [404],
    async handler({ db, who, params, body }) {
      const scope = await teaching(db, who, params.course);
      const key = [who.tenant, params.course, params.lesson];
      const learner = params.learner;
      if (scope === 'groups') {
        const { rows } = await db.query(`SELECT 1 FROM (SELECT $2::text AS course_id, $3::text AS learner_id) b WHERE ${IN_MY_GROUPS}`, [
          who.tenant,
          params.course,
          learner,
          who.sub,
        ]);
        if (!rows.length) throw forbidden('Only the instructors of this course or of the learner’s group may mark attendance.');
      } else if (!scope) throw forbidden('Only the instructors of this course or of the learner’s group may mark attendance.');
      await db.transaction(async (tx) => {
        const { rows } = await tx.query(
          `UPDATE session_bookings SET attended = $5, marked_at = now(), marked_by = $6 WHERE ${KEY} AND learner_id = $4 AND status = 'booked' RETURNING 1`,
          [...key, learner, body.attended, who.sub],
        );
        if (!rows.length) throw notFound('A seat of this learner in this session');
        if (body.attended) await completeLesson(tx, who.tenant, learner, params.course, params.lesson);
      });
      return { learnerId: learner, attended: body.attended };
    },
  }),
];
