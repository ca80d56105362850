import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { Course } from '@lms-kit/core';
import { MemoryAdapter } from '@lms-kit/storage';
import type { LmsCoursePlayer, LmsProvider } from '@lms-kit/elements';
import { choiceQuiz } from '../../../test/helpers/quizzes.js';
import { lessonView, renderPlayer, waitForStatus } from './helpers.js';

/** A text lesson, then a quiz (pass mark 80%) with a remedial lesson: 3 lessons, 2 of them required. */
function course(questions = 5): Course {
  return {
    schema: 1,
    id: 'layout-course',
    title: 'Layout course',
    language: 'en',
    activityId: 'https://intranet.example/training/layout-course',
    modules: [
      {
        id: 'm1',
        title: 'Module',
        lessons: [
          { id: 'intro', kind: 'text', title: 'Intro', html: '<p>Hi</p>' },
          { id: 'check', kind: 'quiz', title: 'Check', quiz: choiceQuiz(questions, { passingScore: { percent: 80 } }) },
          { id: 'again', kind: 'text', title: 'Again', html: '<p>Once more</p>', remedialFor: 'check' },
        ],
      },
    ],
  };
}

function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

type QuizElement = HTMLElement & { ready: Promise<void>; start(): Promise<void>; updateComplete: Promise<unknown> };

async function openQuiz(player: LmsCoursePlayer): Promise<QuizElement> {
  expect(await player.goToLesson('check')).to.equal(true);
  const view = await lessonView(player);
  const quiz = view.shadowRoot?.querySelector('lms-quiz') as QuizElement;
  await quiz.ready;
  return quiz;
}

/** Starts an attempt, answers `right` questions correctly, and presses Submit as a learner does. */
async function submitAttempt(quiz: QuizElement, right: number): Promise<ShadowRoot> {
  await quiz.start();
  await quiz.updateComplete;
  const root = quiz.shadowRoot as ShadowRoot;
  root.querySelectorAll('fieldset.question').forEach((fieldset, index) => {
    (fieldset.querySelector(`input[value="${index < right ? 'a' : 'b'}"]`) as HTMLInputElement).click();
  });
  await new Promise((resolve) => setTimeout(resolve, 50));
  (root.querySelector('button.submit') as HTMLButtonElement).click();
  return root;
}

function headings(root: ShadowRoot): { level: string | null; text: string }[] {
  return [...root.querySelectorAll('[role="heading"]')].map((h) => ({
    level: h.getAttribute('aria-level'),
    text: h.textContent?.trim() ?? '',
  }));
}

describe('<lms-course-player> layout and announcements', () => {
  for (const [outcome, right] of [
    ['failed', 2],
    ['passed', 5],
  ] as const) {
    it(`after Submit of a ${outcome} quiz lesson, focus is on the result and the result is announced`, async () => {
      const { player } = await renderPlayer(course());
      const quiz = await openQuiz(player);
      const root = await submitAttempt(quiz, right);
      await waitUntil(() => deepActive()?.classList.contains('result-heading'), `focus is on ${deepActive()?.tagName}`, { timeout: 5000 });
      if (outcome === 'passed') await waitForStatus(player, 'check', 'completed');
      else await waitForStatus(player, 'again', 'available');
      // The lesson re-rendering as the course progresses must not reload the quiz and drop focus or the message.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(deepActive()?.classList.contains('result-heading'), 'focus stays on the result').to.equal(true);
      const status = root.querySelector('[role="status"]')?.textContent ?? '';
      expect(status).to.contain(outcome === 'passed' ? 'Passed' : 'Not passed');
      expect(status).to.contain(`Score: ${right} of 5 points`);
    });
  }

  it('names the lesson pane, says how many lessons are required, and does not repeat titles', async () => {
    const { player, root } = await renderPlayer(course());
    const body = root.querySelector('.lesson-body') as HTMLElement;
    expect(body.getAttribute('role')).to.equal('region');
    expect(root.getElementById(body.getAttribute('aria-labelledby') ?? '')?.textContent?.trim()).to.equal('Intro');
    expect(root.querySelector('.summary')?.textContent?.trim()).to.match(/^\d of 2 required lessons completed$/);
    expect(headings(root)).to.deep.equal([
      { level: '2', text: 'Layout course' },
      { level: '3', text: 'Intro' },
    ]);

    const quiz = await openQuiz(player);
    const quizRoot = quiz.shadowRoot as ShadowRoot;
    expect(
      headings(quizRoot).map((h) => h.text),
      'the lesson title is not repeated by the quiz',
    ).not.to.include('Check');
    await submitAttempt(quiz, 1);
    await waitUntil(() => quizRoot.querySelector('.result-heading'));
    expect(headings(quizRoot).map((h) => h.level)).to.deep.equal(['4', '4']);
    await expect(player).to.be.accessible();
  });

  it('with hide-title and heading-level, follows the page heading instead of repeating it', async () => {
    const provider = await fixture<LmsProvider>(
      html`<div>
        <h1>Layout course</h1>
        <lms-provider learner-email="ada@example.com" locale="en" .storage=${new MemoryAdapter()}>
          <lms-course-player hide-title heading-level="2" .course=${course()}></lms-course-player>
        </lms-provider>
      </div>`,
    );
    const player = provider.querySelector('lms-course-player') as LmsCoursePlayer;
    await waitUntil(() => player.currentLessonId, 'player did not load', { timeout: 15000 });
    await player.updateComplete;
    const root = player.shadowRoot as ShadowRoot;
    expect(headings(root)).to.deep.equal([{ level: '2', text: 'Intro' }]);
    const quiz = await openQuiz(player);
    await submitAttempt(quiz, 1);
    const quizRoot = quiz.shadowRoot as ShadowRoot;
    await waitUntil(() => quizRoot.querySelector('.result-heading'));
    expect(headings(quizRoot).map((h) => h.level)).to.deep.equal(['3', '3']);
    await expect(provider).to.be.accessible();
  });

  it('keeps hidden live regions inside the lesson pane: no blank space below the player', async () => {
    const { player } = await renderPlayer(course(20));
    player.style.setProperty('--lms-player-height', '240px');
    const quiz = await openQuiz(player);
    await quiz.start();
    await quiz.updateComplete;
    const bottom = player.getBoundingClientRect().bottom + window.scrollY;
    const pageHeight = document.scrollingElement?.scrollHeight ?? 0;
    expect(pageHeight - Math.max(bottom, window.innerHeight), 'page height past the player').to.be.below(40);
  });

  it('fits a 320 px wide screen: header, outline, lesson and Previous/Next stay on the screen', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      const { player, root } = await renderPlayer('/demo/course/food-safety.json');
      await lessonView(player);
      for (const part of ['header', 'title', 'progress-bar', 'outline', 'lesson', 'nav']) {
        const box = root.querySelector(`[part~="${part}"]`)?.getBoundingClientRect();
        expect(box && box.left >= 0 && box.right <= 320, `${part} overflows`).to.equal(true);
      }
      for (const button of root.querySelectorAll('[part="nav"] button')) {
        expect(button.getBoundingClientRect().right, `${button.textContent?.trim()} overflows`).to.be.at.most(320);
      }
      expect(document.scrollingElement?.scrollWidth, 'no horizontal scrolling').to.be.at.most(320);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });
});
