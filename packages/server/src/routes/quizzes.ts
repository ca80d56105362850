/**
 * Server-graded quizzes (`"grading": "server"`): an admin or an instructor of the course registers the
 * quiz; learners start, answer, submit and review attempts through these routes. The answer key stays
 * here: the page receives questions without it, and feedback only as the quiz's review settings allow.
 */
import { questionPool, quizActivityId, validateQuiz, type Quiz } from '@lms-kit/core/quiz';
import { isAdmin } from '../access.js';
import { route } from '../api.js';
import type { Identity } from '../auth.js';
import type { Queryable } from '../db.js';
import { forbidden, HttpError } from '../errors.js';
import { answer, loadQuiz, quizState, review, start, submit } from '../quizzes/attempts.js';
import { REDACTABLE_TYPES } from '../quizzes/redact.js';
import * as s from '../schemas.js';

export async function assertTeachesCourse(db: Queryable, who: Identity, courseId: string): Promise<void> {
  if (isAdmin(who)) return;
  const { rows } = await db.query('SELECT 1 FROM course_instructors WHERE tenant_id = $1 AND course_id = $2 AND learner_id = $3', [
    who.tenant,
    courseId,
    who.sub,
  ]);
  if (!rows.length || !who.roles.includes('instructor'))
    throw forbidden('Only an admin or an instructor of the course may register its quizzes.');
}

function checkQuiz(quiz: unknown, id: string): Quiz {
  const issues = validateQuiz(quiz);
  if (issues.length) throw new HttpError(400, 'quiz/invalid', `The quiz is not valid: ${issues[0].path}: ${issues[0].message}`, issues);
  const valid = quiz as Quiz;
  if (valid.id !== id) throw new HttpError(400, 'quiz/invalid', 'The quiz id is not the one in the URL.');
  const unknown = [...questionPool(valid).values()].find((q) => !REDACTABLE_TYPES.has(q.type));
  // The server can only keep the key of types whose key fields it knows.
  if (unknown) throw new HttpError(400, 'quiz/invalid', `Question ${unknown.id}: type ${unknown.type} cannot be graded by the server.`);
  return valid;
}

export const quizRoutes = [
  route({
    method: 'put',
    path: '/v1/quizzes/:quiz',
    tag: 'quizzes',
    summary: 'Registers a server-graded quiz (admins, instructors of its course). Its answer key never leaves the server.',
    body: s.quizBody,
    async handler({ db, who, params, body }) {
      const quiz = checkQuiz(body.quiz, params.quiz);
      const courseId = body.courseId ?? `quiz:${quiz.id}`;
      await assertTeachesCourse(db, who, courseId);
      const { rows } = await db.query<{ course_id: string }>('SELECT course_id FROM quizzes WHERE tenant_id = $1 AND id = $2', [
        who.tenant,
        quiz.id,
      ]);
      if (rows[0] && rows[0].course_id !== courseId) await assertTeachesCourse(db, who, rows[0].course_id);
      await db.query(
        `INSERT INTO quizzes (tenant_id, id, course_id, activity_id, definition) VALUES ($1, $2, $3, $4, $5::jsonb)
         ON CONFLICT (tenant_id, id) DO UPDATE SET course_id = EXCLUDED.course_id, activity_id = EXCLUDED.activity_id,
           definition = EXCLUDED.definition, updated_at = now()`,
        [who.tenant, quiz.id, courseId, body.activityId ?? quizActivityId(quiz), JSON.stringify(quiz)],
      );
      return undefined;
    },
  }),
  route({
    method: 'get',
    path: '/v1/quizzes/:quiz/definition',
    tag: 'quizzes',
    summary: 'The whole quiz, answer key included, for its staff (admins, instructors of its course): to grade and review attempts.',
    async handler({ db, who, params }) {
      const sq = await loadQuiz(db, who.tenant, params.quiz);
      await assertTeachesCourse(db, who, sq.courseId);
      return { quiz: sq.quiz, courseId: sq.courseId, activityId: sq.activityId };
    },
  }),
  route({
    method: 'get',
    path: '/v1/quizzes/:quiz',
    tag: 'quizzes',
    summary: 'The quiz’s settings (no question, no key) and the caller’s attempts at it, on the server’s clock.',
    async handler({ db, who, params }) {
      return quizState(db, who, await loadQuiz(db, who.tenant, params.quiz));
    },
  }),
  route({
    method: 'post',
    path: '/v1/quizzes/:quiz/attempts',
    tag: 'quizzes',
    summary:
      'Starts an attempt (questions drawn and shuffled by the server, deadline on its clock) or resumes the one in progress; 409 `quiz/no-attempts-left`.',
    async handler({ db, who, params }) {
      return start(db, who, await loadQuiz(db, who.tenant, params.quiz));
    },
  }),
  route({
    method: 'put',
    path: '/v1/quizzes/:quiz/attempts/:attempt/responses/:question',
    tag: 'quizzes',
    summary:
      'Answers one question. After the deadline: 409 `quiz/time-up` (the attempt is submitted as of its deadline); once submitted: 409 `quiz/not-in-progress`.',
    body: s.answerBody,
    async handler({ db, who, params, body }) {
      return answer(db, who, await loadQuiz(db, who.tenant, params.quiz), params.attempt, params.question, body.value);
    },
  }),
  route({
    method: 'post',
    path: '/v1/quizzes/:quiz/attempts/:attempt/submit',
    tag: 'quizzes',
    summary:
      'Submits and grades the attempt; after the deadline it is graded as of the deadline. Answers the review the quiz’s settings allow.',
    async handler({ db, who, params }) {
      return submit(db, who, await loadQuiz(db, who.tenant, params.quiz), params.attempt);
    },
  }),
  route({
    method: 'get',
    path: '/v1/quizzes/:quiz/attempts/:attempt',
    tag: 'quizzes',
    summary: 'One attempt of the caller: its questions, and after submit the result, feedback and right answers its review allows.',
    async handler({ db, who, params }) {
      return review(db, who, await loadQuiz(db, who.tenant, params.quiz), params.attempt);
    },
  }),
];
