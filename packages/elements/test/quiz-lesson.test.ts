import { expect, waitUntil } from '@open-wc/testing';
import validateStatement from '@learninglocker/xapi-validation';
import type { Course } from '@lms-kit/core';
import { choiceQuiz } from '../../../test/helpers/quizzes.js';
import { lessonView, renderPlayer, waitForStatus } from './helpers.js';

/** A course whose assessment is an inline quiz of five questions (pass mark 80%, 20 points). */
function quizCourse(): Course {
  return {
    schema: 1,
    id: 'quiz-course',
    title: 'Quiz course',
    language: 'en',
    activityId: 'https://intranet.example/training/quiz-course',
    modules: [
      {
        id: 'm1',
        title: 'Module',
        lessons: [
          { id: 'intro', kind: 'text', title: 'Intro', html: '<p>Hi</p>', points: 10 },
          { id: 'check', kind: 'quiz', title: 'Check', points: 20, quiz: choiceQuiz(5, { passingScore: { percent: 80 } }) },
          { id: 'again', kind: 'text', title: 'Again', html: '<p>Once more</p>', remedialFor: 'check' },
          { id: 'bonus', kind: 'text', title: 'Bonus', html: '<p>Bonus</p>', unlock: { points: 26 } },
        ],
      },
    ],
  };
}

async function takeQuiz(view: HTMLElement, right: number): Promise<void> {
  const quiz = view.shadowRoot?.querySelector('lms-quiz') as HTMLElement & {
    ready: Promise<void>;
    start(): Promise<void>;
    submit(): Promise<boolean>;
    updateComplete: Promise<unknown>;
  };
  await quiz.ready;
  await quiz.start();
  await quiz.updateComplete;
  const root = quiz.shadowRoot as ShadowRoot;
  root.querySelectorAll('fieldset.question').forEach((fieldset, index) => {
    (fieldset.querySelector(`input[value="${index < right ? 'a' : 'b'}"]`) as HTMLInputElement).click();
  });
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(await quiz.submit()).to.equal(true);
}

describe('quiz lessons in <lms-course-player>', () => {
  it('fails open the remedial lesson; a pass completes the lesson and earns points in proportion to the score', async () => {
    const { player, storage } = await renderPlayer(quizCourse());
    await waitForStatus(player, 'intro', 'completed');
    expect(await player.goToLesson('check')).to.equal(true);
    let view = await lessonView(player);
    await takeQuiz(view, 2);
    await waitForStatus(player, 'again', 'available');
    expect(player.progress?.lessons.check.status, 'a failed quiz is not completed').to.equal('in-progress');
    expect(player.progress?.points).to.equal(10);

    view = await lessonView(player);
    const quiz = view.shadowRoot?.querySelector('lms-quiz') as HTMLElement;
    (quiz.shadowRoot?.querySelector('button.retry') as HTMLButtonElement).click();
    await waitUntil(() => quiz.shadowRoot?.querySelector('button.submit'));
    const root = quiz.shadowRoot as ShadowRoot;
    root.querySelectorAll('fieldset.question').forEach((fieldset, index) => {
      (fieldset.querySelector(`input[value="${index < 4 ? 'a' : 'b'}"]`) as HTMLInputElement).click();
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    (root.querySelector('button.submit') as HTMLButtonElement).click();
    await waitForStatus(player, 'check', 'completed');
    expect(player.progress?.points, '10 + 20 × 80%').to.equal(26);
    await waitForStatus(player, 'bonus', 'available');

    // The attempt's statements are queued beside the progress write: wait for the second attempt's result.
    const quizStatementsQueued = async () =>
      (await storage.readOutbox(200)).map((e) => e.statement).filter((s) => s.object.id.includes('/lessons/check'));
    let quizStatements = await quizStatementsQueued();
    for (let i = 0; i < 100 && !quizStatements.some((s) => s.verb.display['en-US'] === 'passed'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      quizStatements = await quizStatementsQueued();
    }
    const statements = (await storage.readOutbox(200)).map((e) => e.statement);
    expect(quizStatements.map((s) => s.verb.display['en-US'])).to.include.members(['attempted', 'answered', 'failed', 'passed']);
    const registration = statements[0].context?.registration;
    for (const s of quizStatements) {
      expect(validateStatement(s)).to.deep.equal([]);
      expect(s.context?.registration, 'the course registration').to.equal(registration);
    }
    const answered = quizStatements.find((s) => s.verb.display['en-US'] === 'answered');
    expect(answered?.object.id).to.equal('https://intranet.example/training/quiz-course/lessons/check/questions/q1');
    expect(answered?.context?.contextActivities?.grouping?.[0].id).to.equal('https://intranet.example/training/quiz-course');
    await expect(player).to.be.accessible();
  });
});

describe('styling a quiz lesson from the page', () => {
  it('exports the lesson view and the quiz parts through the player', async () => {
    const style = document.createElement('style');
    style.textContent =
      'lms-course-player::part(question) { outline: 3px solid rgb(1, 2, 3); } lms-course-player::part(lesson) { color: rgb(4, 5, 6); }';
    document.head.append(style);
    try {
      const { player } = await renderPlayer(quizCourse());
      expect(await player.goToLesson('check')).to.equal(true);
      const view = await lessonView(player);
      expect(view.hasAttribute('completed')).to.equal(false);
      expect(getComputedStyle(view).color).to.equal('rgb(4, 5, 6)');
      const quiz = view.shadowRoot?.querySelector('lms-quiz') as HTMLElement & {
        ready: Promise<void>;
        start(): Promise<void>;
        updateComplete: Promise<unknown>;
      };
      await quiz.ready;
      await quiz.start();
      await quiz.updateComplete;
      await waitUntil(() => quiz.shadowRoot?.querySelector('[part~="question"]'), 'no question shown');
      const question = quiz.shadowRoot?.querySelector('[part~="question"]') as Element;
      expect(getComputedStyle(question).outlineColor).to.equal('rgb(1, 2, 3)');
    } finally {
      style.remove();
    }
  });
});
