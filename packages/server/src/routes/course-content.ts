/**
 * The course document on the server: what lets it apply an instructor's grade to the learner's progress
 * (the quiz lesson, the course's completion rules) without the learner's page.
 */
import { validateCourse } from '@lms-kit/core';
import { route } from '../api.js';
import { HttpError } from '../errors.js';
import { one } from '../queries.js';
import * as s from '../schemas.js';
import { assertTeachesCourse } from './quizzes.js';

export const courseContentRoutes = [
  route({
    method: 'put',
    path: '/v1/courses/:course/content',
    tag: 'admin',
    summary:
      'Publishes the course document (Course JSON) to the server (admins, instructors of the course), so a grade completes the quiz lesson and the course in the learner’s progress.',
    body: s.courseContentBody,
    async handler({ db, who, params, body }) {
      await assertTeachesCourse(db, who, params.course);
      const issues = validateCourse(body.course);
      if (issues.length)
        throw new HttpError(400, 'course/invalid', `The course is not valid: ${issues[0].path}: ${issues[0].message}`, issues);
      if (body.course.id !== params.course) throw new HttpError(400, 'course/invalid', 'The course id is not the one in the URL.');
      await db.query(
        `INSERT INTO courses (tenant_id, id, title, content) VALUES ($1, $2, $3, $4::jsonb)
         ON CONFLICT (tenant_id, id) DO UPDATE SET content = EXCLUDED.content`,
        [who.tenant, params.course, String(body.course.title ?? ''), JSON.stringify(body.course)],
      );
      return undefined;
    },
  }),
  route({
    method: 'get',
    path: '/v1/courses/:course/content',
    tag: 'admin',
    summary: 'The course document published to the server (admins, instructors of the course).',
    errors: [404],
    async handler({ db, who, params }) {
      await assertTeachesCourse(db, who, params.course);
      const row = await one<{ content: unknown }>(
        db,
        'SELECT content FROM courses WHERE tenant_id = $1 AND id = $2 AND content IS NOT NULL',
        [who.tenant, params.course],
        'This course document',
      );
      return { course: row.content };
    },
  }),
];
