import {
  answerQuestion,
  checkQuestion,
  quizActivityId,
  startAttempt,
  submitAttempt,
  type Quiz,
  type QuizAttempt,
  type QuizAttemptData,
} from '@lms-kit/core/quiz';
import { MemoryAdapter, type StorageAdapter } from '@lms-kit/storage';
import { html } from 'lit';
import { LEARNER_EMAIL, withProvider } from './support.js';

export interface QuizStep {
  answers?: Record<string, unknown>;
  check?: string[];
  submit?: boolean;
}

/** Memory storage holding attempts of `quiz` as if the learner had taken them (`steps`, oldest first). */
export async function quizStorage(quiz: Quiz, steps: QuizStep[] = []): Promise<StorageAdapter> {
  const storage = new MemoryAdapter();
  let start = Date.now() - steps.length * 600_000;
  let number = 0;
  for (const step of steps) {
    const now = new Date(start);
    let data: QuizAttemptData = startAttempt(quiz, { number: ++number, now, random: () => 0.42 });
    for (const [id, value] of Object.entries(step.answers ?? {})) data = answerQuestion(data, id, value, now);
    for (const id of step.check ?? []) data = checkQuestion(data, id);
    if (step.submit) data = submitAttempt(quiz, data, now.toISOString(), new Date(start + 240_000));
    const status = !data.submittedAt ? 'in-progress' : data.result?.pending ? 'pending-grading' : 'completed';
    const attempt: QuizAttempt = {
      id: `00000000-0000-4000-8000-${String(number).padStart(12, '0')}`,
      learnerId: `mailto:${LEARNER_EMAIL}`,
      courseId: `quiz:${quiz.id}`,
      activityId: quizActivityId(quiz),
      status,
      startedAt: now.toISOString(),
      updatedAt: now.toISOString(),
      data,
    };
    await storage.putAttempt(attempt);
    start += 600_000;
  }
  return storage;
}

export function quizStory(quiz: Quiz, storage: StorageAdapter, grading = false) {
  return withProvider(storage, html`<lms-quiz .quiz=${quiz} ?grading=${grading}></lms-quiz>`);
}
