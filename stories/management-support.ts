import { answerQuestion, attemptStatus, gradingSnapshot, startAttempt, submitAttempt, type Quiz } from '@lms-kit/core/quiz';
import { HttpStorageAdapter } from '@lms-kit/storage/http';
import { html, type TemplateResult } from 'lit';
import type { StorageAdapter } from '@lms-kit/storage';
import { LEARNER_EMAIL, storyTheme } from './support.js';

/** A server adapter whose requests never answer: the element stays in its loading state. */
export const pendingServer = () =>
  new HttpStorageAdapter({ endpoint: 'https://lms.example/', token: 'story', fetch: () => new Promise<Response>(() => undefined) });

/** A server adapter whose requests fail as a network does: the element shows its error state. */
export const unreachableServer = () =>
  new HttpStorageAdapter({
    endpoint: 'https://lms.example/',
    token: 'story',
    fetch: () => Promise.reject(new TypeError('Failed to fetch')),
  });

/** A provider as an instructor's page has it: the server adapter and the roles of the signed-in user. */
export function asRole(storage: StorageAdapter, roles: string, content: TemplateResult): TemplateResult {
  return html`<lms-provider learner-email="ian@example.com" roles=${roles} locale="en" theme=${storyTheme()} .storage=${storage}
    >${content}</lms-provider
  >`;
}

export const essayQuiz: Quiz = {
  schema: 1,
  id: 'spills',
  title: 'Spills in the fridge',
  passingScore: { percent: 60 },
  questions: [
    {
      id: 'spill',
      type: 'long-fill-in',
      title: 'Raw chicken spill',
      text: '<p>Raw chicken juice dripped onto a cake on the shelf below. What do you do?</p>',
      rubric: '<ul><li>1 point: throw the cake away</li><li>1 point: clean and sanitize the shelf</li></ul>',
      weight: 2,
    },
  ],
};

/** A submitted attempt of the local learner waiting for its essay to be graded. */
export async function storeEssayAttempt(storage: StorageAdapter): Promise<void> {
  const now = new Date('2026-11-02T09:00:00Z');
  let data = startAttempt(essayQuiz, { number: 1, now });
  data = answerQuestion(data, 'spill', 'Throw the cake away, then clean the shelf with hot soapy water.', now);
  data = submitAttempt(essayQuiz, data, now.toISOString(), now);
  data.grading = gradingSnapshot(essayQuiz, data);
  await storage.putAttempt({
    id: 'story-attempt',
    learnerId: `mailto:${LEARNER_EMAIL}`,
    courseId: 'quiz:spills',
    activityId: 'urn:lms-kit:quiz:spills',
    status: attemptStatus(data),
    startedAt: now.toISOString(),
    updatedAt: now.toISOString(),
    data,
  });
}
