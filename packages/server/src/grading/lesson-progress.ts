/**
 * A grade the server decides reaches the learner's progress without the learner's page: the quiz
 * lesson of the graded attempt gets its result and the course its completion, by the same pure
 * mutations the page uses (`applyLessonResult`), and the record's version moves on so a page holding
 * an older copy re-reads it through the normal `If-Match` rules.
 */
import { applyLessonResult, courseLessons, createProgress, type Course, type CourseProgress } from '@lms-kit/core';
import { quizLessonResult, type QuizAttemptData } from '@lms-kit/core/quiz';
import { lessonActivityId } from '@lms-kit/core/xapi';
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db.js';

export interface GradedAttempt {
  learnerId: string;
  courseId: string;
  activityId: string;
  data: QuizAttemptData;
}

export interface ProgressUpdate {
  lessonId: string;
  version: number;
  courseCompleted: boolean;
}

/**
 * Applies a completed attempt to its lesson in the learner's progress, inside the caller's transaction.
 * Nothing happens when the course document is not on the server or no lesson of it is the attempt's activity.
 */
export async function applyAttemptToProgress(
  tx: Queryable,
  tenant: string,
  attempt: GradedAttempt,
  now: Date,
): Promise<ProgressUpdate | undefined> {
  const result = attempt.data.result && quizLessonResult(attempt.data.result);
  if (!result) return undefined;
  const { rows: courses } = await tx.query<{ content: Course | null }>('SELECT content FROM courses WHERE tenant_id = $1 AND id = $2', [
    tenant,
    attempt.courseId,
  ]);
  const course = courses[0]?.content;
  if (!course) return undefined;
  const lesson = courseLessons(course).find((l) => lessonActivityId(course, l.id) === attempt.activityId);
  if (!lesson) return undefined;
  const { rows } = await tx.query<{ data: CourseProgress }>(
    'SELECT data FROM progress WHERE tenant_id = $1 AND learner_id = $2 AND course_id = $3 FOR UPDATE',
    [tenant, attempt.learnerId, course.id],
  );
  const before = rows[0]?.data ?? createProgress(course, attempt.learnerId, attempt.data.grading?.registration ?? randomUUID(), now);
  const next = applyLessonResult(before, course, lesson.id, result, now);
  const { rows: written } = await tx.query<{ version: number }>(
    `INSERT INTO progress (tenant_id, learner_id, course_id, data) VALUES ($1, $2, $3, $4::jsonb)
     ON CONFLICT (tenant_id, learner_id, course_id) DO UPDATE SET data = EXCLUDED.data, version = progress.version + 1, updated_at = now()
     RETURNING version`,
    [tenant, attempt.learnerId, course.id, JSON.stringify(next)],
  );
  return { lessonId: lesson.id, version: written[0].version, courseCompleted: Boolean(next.completedAt) };
}
