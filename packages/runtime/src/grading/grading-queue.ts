import { LmsError, type Learner } from '@lms-kit/core';
import { applyGrades, gradedStatements, pendingQuestionIds, type GradeInput, type QuizAttemptData } from '@lms-kit/core/quiz';
import type { Attempt, GradingStore, PendingAttempt, StorageAdapter } from '@lms-kit/storage';

/** One answer waiting for a person, with what the grader needs to judge it. */
export interface GradingItem {
  questionId: string;
  text: string;
  title?: string;
  rubric?: string;
  graderNotes?: string;
  weight: number;
  /** The learner's answer as stored (unsanitized: show it through the sanitizer). */
  answer: unknown;
}

export interface GradingTask {
  attempt: Attempt;
  version: number;
  learnerName?: string | null;
  quizTitle: string;
  items: GradingItem[];
}

/**
 * The queue of attempts waiting for a person. On a server, the attempts the signed-in instructor may
 * grade; on a browser-only backend (one local learner), the learner's own attempts, self-graded:
 * `mode` says which, so the page can say so.
 */
export interface GradingQueue {
  mode: 'server' | 'self-study';
  list(courseId?: string): Promise<GradingTask[]>;
  /** Fails with `grading/conflict` when someone graded or changed the attempt since it was listed. */
  save(task: GradingTask, grades: GradeInput[]): Promise<void>;
}

export function toTask(pending: PendingAttempt): GradingTask {
  const data = pending.attempt.data as QuizAttemptData;
  return {
    attempt: pending.attempt,
    version: pending.version,
    learnerName: pending.learnerName,
    quizTitle: data.grading?.quizTitle ?? pending.attempt.activityId,
    items: pendingQuestionIds(data).map((questionId) => ({
      questionId,
      ...data.grading!.questions[questionId],
      answer: data.responses[questionId]?.value,
    })),
  };
}

/** The server's queue when `store` is given (an `HttpStorageAdapter`), else the local learner's own attempts. */
export function gradingQueue(storage: StorageAdapter, learner: Learner, store?: GradingStore): GradingQueue {
  if (store)
    return {
      mode: 'server',
      list: async (courseId) => (await store.pendingGrading(courseId)).map(toTask).filter((t) => t.items.length > 0),
      save: async (task, grades) => {
        await store.saveGrades(task.attempt.id, task.version, grades);
      },
    };
  return {
    mode: 'self-study',
    async list(courseId) {
      const attempts = await storage.listAttempts({ learnerId: learner.id, courseId });
      // Without server versions, the time of the last change is the version a grade is based on.
      return attempts
        .filter((a) => a.status === 'pending-grading')
        .map((attempt) => toTask({ attempt, version: Date.parse(attempt.updatedAt) }))
        .filter((t) => t.items.length > 0);
    },
    async save(task, grades) {
      const current = await storage.getAttempt(task.attempt.id);
      if (!current || current.status !== 'pending-grading' || Date.parse(current.updatedAt) !== task.version)
        throw new LmsError('grading/conflict', 'The attempt changed since it was listed.');
      const now = new Date();
      const data = applyGrades(current.data as QuizAttemptData, grades, learner.id, now);
      const done = !data.result?.pending;
      const next: Attempt = { ...current, data, status: done ? 'completed' : 'pending-grading', updatedAt: now.toISOString() };
      if (done) next.completedAt = now.toISOString();
      await storage.putAttempt(next);
      const statements = gradedStatements({ ...next, data }, undefined, now);
      if (statements.length) await storage.enqueueStatements(statements);
    },
  };
}
