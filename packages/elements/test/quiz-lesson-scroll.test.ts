import { expect, fixtureCleanup, waitUntil } from '@open-wc/testing';
import type { Course } from '@lms-kit/core';
import { MemoryAdapter } from '@lms-kit/storage';
import { choiceQuiz } from '../../../test/helpers/quizzes.js';
import { lessonView, renderPlayer } from './helpers.js';

/** A quiz lesson long enough to scroll: twelve questions. */
const course: Course = {
  schema: 1,
  id: 'long-quiz-course',
  title: 'Long quiz course',
  language: 'en',
  modules: [{ id: 'm1', title: 'Module', lessons: [{ id: 'check', kind: 'quiz', title: 'Check', quiz: choiceQuiz(12) }] }],
};

describe('a quiz lesson in <lms-course-player> after a reload', () => {
  it('opens at the scroll position the learner left, over the resumed attempt', async function () {
    this.timeout(30_000);
    const storage = new MemoryAdapter();
    const first = await renderPlayer(course, storage);
    const view = await lessonView(first.player);
    const quiz = view.shadowRoot?.querySelector('lms-quiz') as HTMLElement & { start(): Promise<void>; updateComplete: Promise<unknown> };
    await quiz.start();
    await quiz.updateComplete;
    const body = first.root.querySelector('.lesson-body') as HTMLElement;
    await waitUntil(() => body.scrollHeight > body.clientHeight * 2, 'the quiz does not scroll');
    body.scrollTop = (body.scrollHeight - body.clientHeight) / 2;
    body.dispatchEvent(new Event('scroll'));
    await first.player.session?.flush();
    fixtureCleanup();

    // The page again: the player resumes the quiz lesson, and the view scrolls once the attempt is shown.
    const second = await renderPlayer(course, storage);
    await lessonView(second.player);
    const again = second.root.querySelector('.lesson-body') as HTMLElement;
    await waitUntil(() => again.scrollTop > 0, 'scroll position not restored');
    expect(again.scrollTop / (again.scrollHeight - again.clientHeight)).to.be.closeTo(0.5, 0.03);
  });
});
