import { learnerFromActor, type Course } from '@lms-kit/core';
import type { Quiz, QuizLesson } from '@lms-kit/core/quiz';
import { MemoryAdapter, observeStorage, type ObservableStorage, type OutboxEntry } from '@lms-kit/storage';
import type { SessionServices } from '@lms-kit/runtime';
import { choiceQuiz } from '../../../test/helpers/quizzes.js';

export const learner = learnerFromActor({ objectType: 'Agent', mbox: 'mailto:ada@example.com', name: 'Ada' });

export function services(
  storage: ObservableStorage = observeStorage(new MemoryAdapter()),
): SessionServices & { storage: ObservableStorage } {
  return { storage, learner };
}

/** A clock the test moves by hand. */
export function manualClock(start = Date.parse('2026-03-02T09:00:00Z')) {
  let now = start;
  return { now: () => new Date(now), advance: (ms: number) => (now += ms) };
}

/** Two readings, then a quiz lesson (two questions, pass at 100 %) open once both are read. */
export function courseWithQuiz(): Course & { modules: Array<{ lessons: Array<{ id: string }> }> } {
  const quiz: Quiz = choiceQuiz(2, { id: 'fridge-check', title: 'Fridge check', passingScore: { percent: 100 }, maxAttempts: 3 });
  const check: QuizLesson = { id: 'check', kind: 'quiz', title: 'Fridge check', quiz, points: 20, prerequisites: ['intro', 'reading'] };
  return {
    schema: 1,
    id: 'headless-101',
    version: '1.0.0',
    title: 'Headless 101',
    language: 'en',
    modules: [
      {
        id: 'basics',
        title: 'Basics',
        lessons: [
          { id: 'intro', kind: 'text', title: 'Welcome', html: '<p>Hello</p>', points: 10 },
          { id: 'reading', kind: 'text', title: 'Reading', html: '<p>More</p>', points: 10 },
          check,
        ],
      },
    ],
  };
}

/** The verbs of the statements queued in the outbox, in order (the last path segment of each verb id). */
export async function outboxVerbs(storage: ObservableStorage): Promise<string[]> {
  const entries: OutboxEntry[] = await storage.readOutbox(1000);
  return entries.map((entry) => entry.statement.verb.id.split('/').pop() as string);
}
