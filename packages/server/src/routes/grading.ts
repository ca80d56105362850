/**
 * The grading queue: attempts waiting for a person, for the instructors who teach their learners
 * (and admins). A grade is scored again from the attempt's own snapshot, stored only over the
 * version the grader read (a second grader gets 409), and announced with `scored`/`passed`/`failed`.
 */
import { actorFromLearnerId, applyGrades, attemptStatus, gradedStatements, type QuizAttemptData } from '@lms-kit/core/quiz';
import { isAdmin, teaches } from '../access.js';
import { route } from '../api.js';
import type { Identity } from '../auth.js';
import { HttpError, forbidden, notFound } from '../errors.js';
import * as s from '../schemas.js';
import { applyAttemptToProgress } from '../grading/lesson-progress.js';
import { visibleTo } from './reports.js';

const assertGraderRole = (who: Identity) => {
  if (!isAdmin(who) && !who.roles.includes('instructor')) throw forbidden('Only an instructor or an admin may grade attempts.');
};

const gradingConflict = (current: unknown) =>
  Object.assign(new HttpError(409, 'grading/conflict', 'Someone graded or changed this attempt since it was read; read it again.'), {
    current,
  });

interface StoredAttempt {
  id: string;
  learnerId: string;
  courseId: string;
  activityId: string;
  status: string;
  data: QuizAttemptData;
  [field: string]: unknown;
}

export const gradingRoutes = [
  route({
    method: 'get',
    path: '/v1/grading/pending',
    tag: 'grading',
    summary:
      'Attempts waiting for a person that the caller may grade (their groups’ and courses’ learners; an admin the tenant), oldest first.',
    query: s.gradingQuery,
    async handler({ db, who, query }) {
      assertGraderRole(who);
      const { rows } = await db.query<{ data: StoredAttempt; version: number; name: string | null }>(
        `SELECT p.data, p.version, l.name FROM attempts p
           LEFT JOIN learners l ON l.tenant_id = p.tenant_id AND l.id = p.learner_id
         WHERE p.tenant_id = $1 AND ${visibleTo(who)} AND p.learner_id <> $2 AND p.data ->> 'status' = 'pending-grading'
           AND ($3::text IS NULL OR p.course_id = $3)
         ORDER BY p.started_at, p.id LIMIT $4`,
        [who.tenant, who.sub, query.course ?? null, query.limit ?? 100],
      );
      return { items: rows.map((r) => ({ attempt: r.data, version: r.version, learnerName: r.name })) };
    },
  }),
  route({
    method: 'post',
    path: '/v1/grading/attempts/:id',
    tag: 'grading',
    summary:
      'Grades answers of an attempt read at `version`: scored again, completed when nothing waits, `scored`/`passed`/`failed` queued for the learner’s LRSs, and (with the course document on the server) the quiz lesson and the course completed in the learner’s progress. 409 when it changed since.',
    body: s.gradeBody,
    errors: [404, 409],
    async handler({ db, who, params, body }) {
      assertGraderRole(who);
      return db.transaction(async (tx) => {
        const { rows } = await tx.query<{ data: StoredAttempt; version: number; learner_id: string }>(
          'SELECT data, version, learner_id FROM attempts WHERE tenant_id = $1 AND id = $2 FOR UPDATE',
          [who.tenant, params.id],
        );
        const stored = rows[0];
        if (!stored) throw notFound('This attempt');
        if (stored.learner_id === who.sub) throw forbidden('Nobody grades their own attempt.');
        if (!isAdmin(who) && !(await teaches(tx, who, stored.learner_id))) throw forbidden(`You do not teach ${stored.learner_id}.`);
        if (stored.version !== body.version || stored.data.status !== 'pending-grading')
          throw gradingConflict({ attempt: stored.data, version: stored.version });
        const now = new Date();
        const data = applyGrades(stored.data.data, body.grades, who.sub, now);
        const status = attemptStatus(data);
        const attempt: StoredAttempt = { ...stored.data, data, status, updatedAt: now.toISOString() };
        if (status === 'completed') attempt.completedAt = now.toISOString();
        await tx.query(`UPDATE attempts SET data = $3::jsonb, version = version + 1 WHERE tenant_id = $1 AND id = $2`, [
          who.tenant,
          params.id,
          JSON.stringify(attempt),
        ]);
        const statements = gradedStatements(attempt, actorFromLearnerId(who.sub), now);
        if (statements.length)
          await tx.query(
            `INSERT INTO outbox (tenant_id, learner_id, statement_id, statement)
             SELECT $1, $2, s.value->>'id', s.value FROM jsonb_array_elements($3::jsonb) WITH ORDINALITY AS s(value, n) ORDER BY s.n
             ON CONFLICT (tenant_id, statement_id) DO NOTHING`,
            [who.tenant, stored.learner_id, JSON.stringify(statements)],
          );
        await tx.query(`INSERT INTO audit (tenant_id, actor_id, action, subject_id, detail) VALUES ($1, $2, 'grade', $3, $4::jsonb)`, [
          who.tenant,
          who.sub,
          stored.learner_id,
          JSON.stringify({ attempt: params.id, questions: body.grades.map((g) => g.questionId) }),
        ]);
        // The learner's progress follows the grade at once: the quiz lesson, then the course by its rules.
        const progress = status === 'completed' ? await applyAttemptToProgress(tx, who.tenant, attempt, now) : undefined;
        return { attempt, version: stored.version + 1, statements: statements.map((st) => st.verb.id), ...(progress ? { progress } : {}) };
      });
    },
  }),
];
