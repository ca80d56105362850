/**
 * Attempts at server-graded quizzes, on the server's clock: the server draws and shuffles the questions
 * (the quiz model of `@lms-kit/core`), keeps the deadline and the attempt count, grades, and stores each
 * attempt as an ordinary row of `attempts`. Steps of one learner at one quiz run one at a time (a
 * transaction-scoped advisory lock), so two tabs or two instances cannot start two attempts or lose an answer.
 */
import {
  answerQuestion,
  attemptStatus,
  attemptsLeft,
  gradingSnapshot,
  isOverdue,
  mayShowCorrectAnswers,
  questionPool,
  startAttempt,
  submitAttempt,
  type Quiz,
  type QuizAttempt,
  type QuizAttemptData,
} from '@lms-kit/core/quiz';
import { courseLessons, type Course, type Statement } from '@lms-kit/core';
import { courseActivity, courseActivityId, lessonActivityId } from '@lms-kit/core/xapi';
import { randomUUID } from 'node:crypto';
import type { Identity } from '../auth.js';
import type { Db, Queryable } from '../db.js';
import { HttpError, notFound } from '../errors.js';
import { publicAttemptData, publicQuestion, publicQuizSettings, type Reveal } from './redact.js';
import { answeredStatements } from './statements.js';

export interface ServerQuiz {
  id: string;
  courseId: string;
  activityId: string;
  quiz: Quiz;
}

/** A stored server-graded attempt: an ordinary attempt, marked so the generic routes keep learners from writing it. */
export type ServerAttempt = QuizAttempt & { grading: 'server'; reviewFeedback: boolean };

/** What the page receives for one attempt: no answer key unless review allows it. */
export interface AttemptView {
  attempt: QuizAttempt;
  questions: unknown[];
  left: number;
  correctAnswersShown: boolean;
  serverTime: string;
}

export async function loadQuiz(db: Queryable, tenant: string, id: string): Promise<ServerQuiz> {
  const { rows } = await db.query<{ course_id: string; activity_id: string; definition: Quiz }>(
    'SELECT course_id, activity_id, definition FROM quizzes WHERE tenant_id = $1 AND id = $2',
    [tenant, id],
  );
  if (!rows[0]) throw notFound('This quiz');
  return { id, courseId: rows[0].course_id, activityId: rows[0].activity_id, quiz: rows[0].definition };
}

async function readAttempts(tx: Queryable, who: Identity, sq: ServerQuiz): Promise<ServerAttempt[]> {
  const { rows } = await tx.query<{ data: ServerAttempt }>(
    `SELECT data FROM attempts WHERE tenant_id = $1 AND learner_id = $2 AND course_id = $3 AND activity_id = $4 ORDER BY started_at, id`,
    [who.tenant, who.sub, sq.courseId, sq.activityId],
  );
  return rows.map((r) => r.data).filter((a) => a.data?.quizId === sq.quiz.id);
}

async function saveAttempt(tx: Queryable, tenant: string, attempt: ServerAttempt): Promise<void> {
  await tx.query(
    `INSERT INTO attempts (tenant_id, id, learner_id, course_id, activity_id, started_at, data) VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb)
     ON CONFLICT (tenant_id, id) DO UPDATE SET data = EXCLUDED.data, version = attempts.version + 1`,
    [tenant, attempt.id, attempt.learnerId, attempt.courseId, attempt.activityId, attempt.startedAt, JSON.stringify(attempt)],
  );
}

/** Ends an attempt; at or after its deadline it ends as of the deadline (answers after it were never taken). */
function submitted(quiz: Quiz, attempt: ServerAttempt, now: Date): ServerAttempt {
  const at = attempt.data.deadline && isOverdue(attempt.data, now) ? new Date(attempt.data.deadline) : now;
  const data = submitAttempt(quiz, attempt.data, attempt.startedAt, at);
  const status = attemptStatus(data);
  return { ...attempt, data, status, updatedAt: now.toISOString(), ...(status === 'completed' ? { completedAt: data.submittedAt } : {}) };
}

/**
 * Runs one step for the caller at this quiz under its lock: overdue attempts are submitted first (as of
 * their deadline), then `step` may change one attempt. The step's error is thrown after the commit, so
 * what the deadline did is kept.
 */
async function withAttempts<T>(
  db: Db,
  who: Identity,
  sq: ServerQuiz,
  step: (attempts: ServerAttempt[], now: Date) => { save?: ServerAttempt; result: T } | { error: HttpError },
): Promise<T> {
  const outcome = await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [JSON.stringify([who.tenant, who.sub, sq.id])]);
    const now = new Date();
    const attempts = await readAttempts(tx, who, sq);
    // Which attempts were open before this step: those submitted by it get their `answered` statements.
    const before = new Map(attempts.map((a) => [a.id, a.status !== 'in-progress']));
    for (const [i, attempt] of attempts.entries()) {
      if (attempt.status !== 'in-progress' || !isOverdue(attempt.data, now)) continue;
      attempts[i] = submitted(sq.quiz, attempt, now);
      await saveAttempt(tx, who.tenant, attempts[i]);
    }
    const answer = step(attempts, now);
    if ('save' in answer && answer.save) {
      const save = answer.save;
      await saveAttempt(tx, who.tenant, save);
      const index = attempts.findIndex((a) => a.id === save.id);
      if (index >= 0 && attempts[index].status === 'in-progress' && save.status !== 'in-progress') attempts[index] = save;
    }
    const justSubmitted = attempts.filter((a) => a.status !== 'in-progress' && !before.get(a.id));
    if (justSubmitted.length) await afterSubmit(tx, who.tenant, sq, justSubmitted, attempts);
    return answer;
  });
  if ('error' in outcome) throw outcome.error;
  return outcome.result;
}

/**
 * What follows submitting attempts (by the learner or by their deadline), in the same transaction: an
 * attempt left waiting for a person keeps the grading snapshot the grading queue works from, and the
 * attempt's `answered` statements go into the learner's outbox. Submitting happens once, so they are queued once.
 */
async function afterSubmit(tx: Queryable, tenant: string, sq: ServerQuiz, submitted: ServerAttempt[], all: ServerAttempt[]) {
  const learnerId = submitted[0].learnerId;
  const { rows } = await tx.query<{ registration: string | null; content: Course | null }>(
    `SELECT (SELECT data ->> 'registration' FROM progress WHERE tenant_id = $1 AND learner_id = $2 AND course_id = $3) AS registration,
            (SELECT content FROM courses WHERE tenant_id = $1 AND id = $3) AS content`,
    [tenant, learnerId, sq.courseId],
  );
  const course = rows[0]?.content ?? undefined;
  const lesson = course && courseLessons(course).find((l) => lessonActivityId(course, l.id) === sq.activityId);
  const inCourse = course && lesson ? { course: courseActivity(course), title: lesson.title, language: course.language } : {};
  const left = attemptsLeft(sq.quiz, used(all));
  const statements: Statement[] = [];
  for (const attempt of submitted) {
    const registration = rows[0]?.registration ?? attempt.id;
    if (attempt.status === 'pending-grading' && !attempt.data.grading) {
      const snapshot = gradingSnapshot(sq.quiz, attempt.data, {
        registration,
        ...(course ? { courseActivityId: courseActivityId(course), title: lesson?.title } : {}),
      });
      if (snapshot) await saveAttempt(tx, tenant, { ...attempt, data: { ...attempt.data, grading: snapshot } });
    }
    statements.push(...answeredStatements(sq, attempt, reveal(sq.quiz, attempt, left), { registration, ...inCourse }));
  }
  if (!statements.length) return;
  await tx.query(
    `INSERT INTO outbox (tenant_id, learner_id, statement_id, statement)
     SELECT $1, $2, s.value->>'id', s.value FROM jsonb_array_elements($3::jsonb) WITH ORDINALITY AS s(value, n) ORDER BY s.n
     ON CONFLICT (tenant_id, statement_id) DO NOTHING`,
    [tenant, learnerId, JSON.stringify(statements)],
  );
}

const used = (attempts: ServerAttempt[]) => attempts.filter((a) => a.status !== 'abandoned').length;

const missing = () => ({ error: notFound('This attempt') });

/** What review may show of this attempt, by the quiz's settings (during an attempt: nothing). */
function reveal(quiz: Quiz, attempt: ServerAttempt, left: number): Reveal {
  if (!attempt.data.submittedAt) return { key: false, feedback: false };
  return { feedback: attempt.reviewFeedback, key: mayShowCorrectAnswers(quiz, attempt.data.result, left) };
}

export function viewOf(sq: ServerQuiz, attempt: ServerAttempt, attempts: ServerAttempt[], now: Date): AttemptView {
  const left = attemptsLeft(sq.quiz, used(attempts));
  const shown = reveal(sq.quiz, attempt, left);
  const pool = questionPool(sq.quiz);
  const questions = attempt.data.questionIds
    .map((id) => pool.get(id))
    .filter((q) => q !== undefined)
    .map((q) => publicQuestion(q, attempt.data.order[q.id], attempt.data.responses[q.id], shown));
  return {
    attempt: publicAttempt(attempt, shown),
    questions,
    left,
    correctAnswersShown: shown.key,
    serverTime: now.toISOString(),
  };
}

/** The stored attempt as a learner may read it (also through the generic attempt routes). */
export function publicAttempt(attempt: ServerAttempt, shown: Reveal = { key: false, feedback: attempt.reviewFeedback }): QuizAttempt {
  return { ...attempt, data: publicAttemptData(attempt.data, shown) };
}

/** The quiz as the page may see it, and the caller's attempts at it. */
export async function quizState(db: Db, who: Identity, sq: ServerQuiz) {
  return withAttempts(db, who, sq, (attempts, now) => ({
    result: {
      quiz: publicQuizSettings(sq.quiz),
      courseId: sq.courseId,
      activityId: sq.activityId,
      attempts: attempts.map((a) => publicAttempt(a)),
      left: attemptsLeft(sq.quiz, used(attempts)),
      questionCount: (sq.quiz.questions?.length ?? 0) + (sq.quiz.draw ?? []).reduce((sum, rule) => sum + rule.count, 0),
      serverTime: now.toISOString(),
    },
  }));
}

/** Starts an attempt, or resumes the one in progress; refused when no attempt is left. */
export function start(db: Db, who: Identity, sq: ServerQuiz): Promise<AttemptView> {
  return withAttempts<AttemptView>(db, who, sq, (attempts, now) => {
    const open = attempts.find((a) => a.status === 'in-progress');
    if (open) return { result: viewOf(sq, open, attempts, now) };
    if (attemptsLeft(sq.quiz, used(attempts)) <= 0)
      return { error: new HttpError(409, 'quiz/no-attempts-left', 'No attempt at this quiz is left.') };
    const attempt: ServerAttempt = {
      id: randomUUID(),
      learnerId: who.sub,
      courseId: sq.courseId,
      activityId: sq.activityId,
      status: 'in-progress',
      startedAt: now.toISOString(),
      updatedAt: now.toISOString(),
      data: startAttempt(sq.quiz, { number: used(attempts) + 1, now }),
      grading: 'server',
      reviewFeedback: (sq.quiz.feedback ?? 'after-submit') !== 'none',
    };
    return { save: attempt, result: viewOf(sq, attempt, [...attempts, attempt], now) };
  });
}

/** Records one answer; refused after the deadline (the attempt is then submitted as of it) or once submitted. */
export function answer(db: Db, who: Identity, sq: ServerQuiz, attemptId: string, questionId: string, value: unknown) {
  return withAttempts(db, who, sq, (attempts, now) => {
    const attempt = attempts.find((a) => a.id === attemptId);
    if (!attempt) return missing();
    if (attempt.status !== 'in-progress') return { error: closed(attempt) };
    if (!attempt.data.questionIds.includes(questionId))
      return { error: new HttpError(400, 'server/invalid-request', 'This question is not in this attempt.') };
    const data: QuizAttemptData = answerQuestion(attempt.data, questionId, value, now);
    const next: ServerAttempt = { ...attempt, data, updatedAt: now.toISOString() };
    return { save: next, result: { attempt: publicAttempt(next), serverTime: now.toISOString() } };
  });
}

/** Submits and grades; after the deadline the attempt was already submitted as of it, and that result is answered. */
export function submit(db: Db, who: Identity, sq: ServerQuiz, attemptId: string): Promise<AttemptView> {
  return withAttempts<AttemptView>(db, who, sq, (attempts, now) => {
    const attempt = attempts.find((a) => a.id === attemptId);
    if (!attempt) return missing();
    if (attempt.status !== 'in-progress') return { result: viewOf(sq, attempt, attempts, now) };
    const next = submitted(sq.quiz, attempt, now);
    return {
      save: next,
      result: viewOf(
        sq,
        next,
        attempts.map((a) => (a.id === next.id ? next : a)),
        now,
      ),
    };
  });
}

export function review(db: Db, who: Identity, sq: ServerQuiz, attemptId: string): Promise<AttemptView> {
  return withAttempts<AttemptView>(db, who, sq, (attempts, now) => {
    const attempt = attempts.find((a) => a.id === attemptId);
    return attempt ? { result: viewOf(sq, attempt, attempts, now) } : missing();
  });
}

function closed(attempt: ServerAttempt): HttpError {
  const timedOut = attempt.data.deadline !== undefined && attempt.data.submittedAt === attempt.data.deadline;
  return timedOut
    ? new HttpError(409, 'quiz/time-up', 'The time limit of this attempt has passed; it was submitted at its deadline.')
    : new HttpError(409, 'quiz/not-in-progress', 'This attempt has been submitted.');
}
