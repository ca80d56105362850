/** What an admin manages in their tenant: groups, courses, enrollments, and a learner's data rights (export, erase). */
import { assertAdmin, assertCanRead } from '../access.js';
import { route } from '../api.js';
import type { Identity } from '../auth.js';
import type { Queryable } from '../db.js';
import { forbidden } from '../errors.js';
import { changed, data, items, one } from '../queries.js';
import * as s from '../schemas.js';

export async function audit(db: Queryable, who: Identity, action: string, subject: string | null, detail: unknown = {}): Promise<void> {
  await db.query('INSERT INTO audit (tenant_id, actor_id, action, subject_id, detail) VALUES ($1, $2, $3, $4, $5::jsonb)', [
    who.tenant,
    who.sub,
    action,
    subject,
    JSON.stringify(detail),
  ]);
}

export const adminRoutes = [
  route({
    method: 'put',
    path: '/v1/groups/:group',
    tag: 'admin',
    summary: 'Creates or renames a group.',
    body: s.groupBody,
    async handler({ db, who, params, body }) {
      assertAdmin(who);
      await db.query(
        'INSERT INTO groups (tenant_id, id, name) VALUES ($1, $2, $3) ON CONFLICT (tenant_id, id) DO UPDATE SET name = EXCLUDED.name',
        [who.tenant, params.group, body.name ?? null],
      );
      return undefined;
    },
  }),
  route({
    method: 'put',
    path: '/v1/groups/:group/members/:learner',
    tag: 'admin',
    summary: 'Adds a learner (or an instructor who teaches it) to a group.',
    body: s.memberBody,
    async handler({ db, who, params, body }) {
      assertAdmin(who);
      await one(db, 'SELECT 1 FROM groups WHERE tenant_id = $1 AND id = $2', [who.tenant, params.group], 'This group');
      await db.query(
        `INSERT INTO group_members (tenant_id, group_id, learner_id, role) VALUES ($1, $2, $3, $4)
         ON CONFLICT (tenant_id, group_id, learner_id) DO UPDATE SET role = EXCLUDED.role`,
        [who.tenant, params.group, params.learner, body.role],
      );
      return undefined;
    },
  }),
  route({
    method: 'put',
    path: '/v1/courses/:course',
    tag: 'admin',
    summary: 'Registers a course: its title, whether learners may enroll themselves, who teaches it.',
    body: s.courseBody,
    async handler({ db, who, params, body }) {
      assertAdmin(who);
      await db.transaction(async (tx) => {
        await tx.query(
          `INSERT INTO courses (tenant_id, id, title, self_enroll) VALUES ($1, $2, $3, $4)
           ON CONFLICT (tenant_id, id) DO UPDATE SET title = EXCLUDED.title, self_enroll = EXCLUDED.self_enroll`,
          [who.tenant, params.course, body.title ?? null, body.selfEnroll],
        );
        await tx.query('DELETE FROM course_instructors WHERE tenant_id = $1 AND course_id = $2', [who.tenant, params.course]);
        await tx.query('INSERT INTO course_instructors (tenant_id, course_id, learner_id) SELECT $1, $2, unnest($3::text[])', [
          who.tenant,
          params.course,
          body.instructors,
        ]);
      });
      return undefined;
    },
  }),
  route({
    method: 'post',
    path: '/v1/enrollments',
    tag: 'admin',
    summary:
      'Enrolls a learner or a group in a course, with an optional due date (admins; a learner may enroll themselves where the course allows it).',
    body: s.enrollmentBody,
    async handler({ db, who, body }) {
      if (!who.roles.includes('admin')) {
        const { rows } = await db.query<{ self_enroll: boolean }>('SELECT self_enroll FROM courses WHERE tenant_id = $1 AND id = $2', [
          who.tenant,
          body.courseId,
        ]);
        if (body.learnerId !== who.sub || !rows[0]?.self_enroll)
          throw forbidden('This course does not allow self-enrollment, or this is not you.');
      }
      const target = body.learnerId ? 'learner_id' : 'group_id';
      await db.query(
        `INSERT INTO enrollments (tenant_id, course_id, ${target}, due_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (tenant_id, course_id, ${target}) WHERE ${target} IS NOT NULL DO UPDATE SET due_at = EXCLUDED.due_at`,
        [who.tenant, body.courseId, body.learnerId ?? body.groupId, body.dueAt ?? null],
      );
      return undefined;
    },
  }),
  route({
    method: 'get',
    path: '/v1/learners/:learner/enrollments',
    tag: 'admin',
    summary: 'The courses a learner is enrolled in, directly or through a group, with due dates.',
    async handler({ db, who, params }) {
      await assertCanRead(db, who, params.learner);
      return items(
        db,
        `SELECT e.course_id AS "courseId", e.group_id AS "groupId", e.due_at AS "dueAt" FROM enrollments e
           LEFT JOIN group_members g ON g.tenant_id = e.tenant_id AND g.group_id = e.group_id AND g.role = 'learner'
         WHERE e.tenant_id = $1 AND (e.learner_id = $2 OR g.learner_id = $2) ORDER BY e.course_id`,
        [who.tenant, params.learner],
      );
    },
  }),
  route({
    method: 'get',
    path: '/v1/learners/:learner/export',
    tag: 'data rights',
    summary: 'Everything the server holds about one learner, as JSON (the learner themselves or an admin).',
    async handler({ db, who, params }) {
      if (params.learner !== who.sub) assertAdmin(who);
      const [tenant, learner] = [who.tenant, params.learner];
      const all = async (sql: string, pick?: (row: never) => unknown) => (await items(db, sql, [tenant, learner], pick)).items;
      const result = {
        learner:
          (
            await all(
              'SELECT id, name, email, roles, erased_at AS "erasedAt", created_at AS "createdAt" FROM learners WHERE tenant_id = $1 AND id = $2',
            )
          )[0] ?? null,
        groups: await all('SELECT group_id AS "groupId", role FROM group_members WHERE tenant_id = $1 AND learner_id = $2'),
        enrollments: await all(
          'SELECT course_id AS "courseId", due_at AS "dueAt" FROM enrollments WHERE tenant_id = $1 AND learner_id = $2',
        ),
        progress: await all('SELECT data FROM progress WHERE tenant_id = $1 AND learner_id = $2', data),
        lessonStates: await all('SELECT data FROM lesson_states WHERE tenant_id = $1 AND learner_id = $2', data),
        attempts: await all('SELECT data FROM attempts WHERE tenant_id = $1 AND learner_id = $2 ORDER BY started_at', data),
        values: await all('SELECT key, value FROM learner_values WHERE tenant_id = $1 AND learner_id = $2'),
        records: await all('SELECT collection, data FROM records WHERE tenant_id = $1 AND (learner_id = $2 OR owner_id = $2)'),
        statementsQueued: await all('SELECT statement AS data FROM outbox WHERE tenant_id = $1 AND learner_id = $2 ORDER BY seq', data),
      };
      await audit(db, who, 'learner.export', learner);
      return result;
    },
  }),
  route({
    method: 'delete',
    path: '/v1/learners/:learner',
    tag: 'data rights',
    summary: 'Erases a learner: progress, lesson states, attempts, values, queued statements; certificates are kept as revoked. Audited.',
    async handler({ db, who, params }) {
      assertAdmin(who);
      const learner = params.learner;
      const counts = await db.transaction(async (tx) => {
        const erased: Record<string, number> = {};
        const key = [who.tenant, learner];
        for (const table of ['progress', 'lesson_states', 'attempts', 'learner_values', 'outbox', 'group_members', 'enrollments'])
          erased[table] = await changed(tx, `DELETE FROM ${table} WHERE tenant_id = $1 AND learner_id = $2 RETURNING 1`, key);
        erased.certificatesRevoked = await changed(
          tx,
          `UPDATE records SET data = jsonb_set(data, '{revoked}', to_jsonb(now()::text)) || '{"revokedReason":"learner erased"}'
             WHERE tenant_id = $1 AND collection = 'certificates' AND learner_id = $2 RETURNING 1`,
          key,
        );
        // The server's own signed copies (verifiable by id) say revoked too.
        erased.signedCertificatesRevoked = await changed(
          tx,
          `UPDATE issued_certificates SET revoked_at = now(), revoked_reason = 'learner erased'
             WHERE tenant_id = $1 AND learner_id = $2 AND revoked_at IS NULL RETURNING 1`,
          key,
        );
        // Their comments lose body and author; threads others replied to stay, marked deleted.
        erased.discussionComments = await changed(
          tx,
          `UPDATE discussion_comments SET body = '', mentions = '{}', author_id = '', deleted_at = coalesce(deleted_at, now()), updated_at = now()
             WHERE tenant_id = $1 AND author_id = $2 RETURNING 1`,
          key,
        );
        await tx.query('DELETE FROM discussion_post_counts WHERE tenant_id = $1 AND learner_id = $2', key);
        erased.records = await changed(
          tx,
          `DELETE FROM records WHERE tenant_id = $1 AND collection <> 'certificates' AND (learner_id = $2 OR owner_id = $2) RETURNING 1`,
          key,
        );
        await tx.query('UPDATE learners SET name = NULL, email = NULL, erased_at = now() WHERE tenant_id = $1 AND id = $2', [
          who.tenant,
          learner,
        ]);
        await audit(tx, who, 'learner.erase', learner, erased);
        return erased;
      });
      return { erased: counts };
    },
  }),
  route({
    method: 'get',
    path: '/v1/audit',
    tag: 'data rights',
    summary: 'The tenant’s audit trail (admins), newest first.',
    async handler({ db, who }) {
      assertAdmin(who);
      return items(
        db,
        `SELECT actor_id AS "actorId", action, subject_id AS "subjectId", detail, at FROM audit WHERE tenant_id = $1 ORDER BY id DESC LIMIT 500`,
        [who.tenant],
      );
    },
  }),
];
