/**
 * The tenant's catalog: the courses it offers, each with what the signed-in learner's enrollment says
 * (assigned, due date), and self-enrollment where a course allows it. Admins describe courses with the
 * catalog entries of `@lms-kit/core` (validated by the same checks as a catalog file).
 */
import { FieldChecker, IssueList, checkCatalogEntry, type CatalogEntry } from '@lms-kit/core';
import { assertAdmin } from '../access.js';
import { route } from '../api.js';
import { HttpError, forbidden, notFound } from '../errors.js';
import { audit } from './admin.js';
import { z } from 'zod';

const entryBody = z.looseObject({ id: z.string().min(1).max(512), title: z.string().min(1).max(500) });

interface CatalogRow {
  id: string;
  title: string | null;
  self_enroll: boolean;
  entry: Partial<CatalogEntry>;
  enrolled: boolean | null;
  assigned: boolean | null;
  due_at: Date | string | null;
}

export const catalogRoutes = [
  route({
    method: 'get',
    path: '/v1/catalog',
    tag: 'catalog',
    summary:
      'The tenant’s catalog (Catalog JSON, schema 1); each course says whether the caller is enrolled (`enrollment`: assigned, due date).',
    async handler({ db, who }) {
      // A learner may be enrolled directly and through groups: the earliest due date wins, assigned if any enrollment was.
      const { rows } = await db.query<CatalogRow>(
        `SELECT c.id, c.title, c.self_enroll, c.entry, e.enrolled, e.assigned, e.due_at
         FROM courses c
         LEFT JOIN LATERAL (
           SELECT true AS enrolled, bool_or(NOT en.self_enrolled) AS assigned, min(en.due_at) AS due_at
           FROM enrollments en
           LEFT JOIN group_members g ON g.tenant_id = en.tenant_id AND g.group_id = en.group_id AND g.role = 'learner'
           WHERE en.tenant_id = c.tenant_id AND en.course_id = c.id AND (en.learner_id = $2 OR g.learner_id = $2)
           HAVING count(*) > 0
         ) e ON true
         WHERE c.tenant_id = $1 ORDER BY c.id`,
        [who.tenant, who.sub],
      );
      const courses = rows.map((row): CatalogEntry => {
        const { enrollment: _ignored, ...entry } = row.entry;
        const course: CatalogEntry = { ...entry, id: row.id, title: entry.title ?? row.title ?? row.id, selfEnroll: row.self_enroll };
        if (row.enrolled)
          course.enrollment = {
            assigned: row.assigned === true,
            ...(row.due_at ? { dueAt: new Date(row.due_at).toISOString() } : {}),
          };
        return course;
      });
      return { schema: 1, courses };
    },
  }),
  route({
    method: 'put',
    path: '/v1/catalog/:course',
    tag: 'catalog',
    summary: 'Describes a course in the catalog (admins): a catalog entry; its title and `selfEnroll` update the course.',
    body: entryBody,
    async handler({ db, who, params, body }) {
      assertAdmin(who);
      const report = new IssueList();
      checkCatalogEntry(new FieldChecker(body, 'body', report));
      if (body.id !== params.course) report.add('body.id', 'is not the course in the URL');
      if (!report.ok)
        throw new HttpError(
          400,
          'catalog/invalid',
          `The catalog entry is not valid: ${report.issues[0].path}: ${report.issues[0].message}`,
          report.issues,
        );
      const { enrollment: _ignored, ...entry } = body as CatalogEntry;
      await db.query(
        `INSERT INTO courses (tenant_id, id, title, self_enroll, entry) VALUES ($1, $2, $3, $4, $5::jsonb)
         ON CONFLICT (tenant_id, id) DO UPDATE SET title = EXCLUDED.title, self_enroll = EXCLUDED.self_enroll, entry = EXCLUDED.entry`,
        [who.tenant, params.course, entry.title, entry.selfEnroll === true, JSON.stringify(entry)],
      );
      return undefined;
    },
  }),
  route({
    method: 'post',
    path: '/v1/catalog/:course/enroll',
    tag: 'catalog',
    summary: 'Enrolls the caller in a course that allows self-enrollment (403 `auth/forbidden` otherwise, and nothing changes).',
    async handler({ db, who, params }) {
      const { rows } = await db.query<{ self_enroll: boolean }>('SELECT self_enroll FROM courses WHERE tenant_id = $1 AND id = $2', [
        who.tenant,
        params.course,
      ]);
      if (!rows[0]) throw notFound('This course');
      if (!rows[0].self_enroll) throw forbidden('This course does not allow self-enrollment: ask an admin to enroll you.');
      // An enrollment that already exists (an admin's, with its due date) stays as it is.
      await db.query(
        `INSERT INTO enrollments (tenant_id, course_id, learner_id, self_enrolled) VALUES ($1, $2, $3, true)
         ON CONFLICT (tenant_id, course_id, learner_id) WHERE learner_id IS NOT NULL DO NOTHING`,
        [who.tenant, params.course, who.sub],
      );
      await audit(db, who, 'catalog.self-enroll', who.sub, { courseId: params.course });
      return undefined;
    },
  }),
];
