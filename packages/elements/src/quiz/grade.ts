import { LmsError } from '@lms-kit/core';
import type { Learner } from '@lms-kit/core';
import { QuizStatements, gradeQuestion, attemptStatus, type Quiz, type QuizAttempt } from '@lms-kit/core/quiz';
import type { Attempt, StorageAdapter } from '@lms-kit/storage';

/**
 * Grades an answer that waits for a person (a long-fill-in), from an instructor's page or a script:
 * `credit` is 0..1 of the question's points. The attempt is saved; when nothing else waits, it is
 * complete, and a learner's `<lms-quiz>` (in this tab or another) reports the final result. Given the
 * learner (their xAPI actor), the `passed`/`failed` and `completed` statements of the now complete
 * attempt are queued to the outbox.
 */
export async function gradeQuizAttempt(
  storage: StorageAdapter,
  quiz: Quiz,
  attemptId: string,
  questionId: string,
  grade: { credit: number; feedback?: string; grader?: string },
  options: { learner?: Learner; registration?: string } = {},
): Promise<QuizAttempt> {
  const attempt = (await storage.getAttempt(attemptId)) as QuizAttempt | undefined;
  if (!attempt?.data?.submittedAt) throw new LmsError('quiz/not-submitted', `No submitted attempt "${attemptId}" to grade.`);
  const now = new Date();
  const data = gradeQuestion(quiz, attempt.data, attempt.startedAt, questionId, grade, now);
  const status = attemptStatus(data);
  const graded: QuizAttempt = { ...attempt, data, status, updatedAt: now.toISOString() };
  if (status === 'completed') graded.completedAt ??= now.toISOString();
  await storage.putAttempt(graded as Attempt);
  if (options.learner && attempt.status === 'pending-grading' && status === 'completed' && data.result) {
    const statements = new QuizStatements({
      quiz,
      learner: options.learner,
      activityId: attempt.activityId,
      registration: options.registration ?? attempt.id,
    });
    await storage.enqueueStatements(statements.attemptFinished(data.result, now));
  }
  return graded;
}
