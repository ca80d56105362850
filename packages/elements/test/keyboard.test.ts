import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { MemoryAdapter } from '@lms-kit/storage';
import type { LmsCoursePlayer } from '@lms-kit/elements';
import { lessonView, waitForStatus } from './helpers.js';
import '@lms-kit/elements/all';

/** The focused element, looking inside shadow roots. */
function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Presses Tab until `matches` holds for the focused element: how a keyboard user gets somewhere. */
async function tabTo(matches: (element: Element) => boolean, description: string, shift = false): Promise<void> {
  for (let i = 0; i < 40; i++) {
    const active = deepActive();
    if (active && matches(active)) return;
    await sendKeys({ press: shift ? 'Shift+Tab' : 'Tab' });
  }
  throw new Error(`Tab never reached ${description}; focus is on ${deepActive()?.outerHTML.slice(0, 80)}`);
}

const isLessonButton = (id: string) => (el: Element) => el.getAttribute('data-lesson') === id;
const isButton = (label: string) => (el: Element) => el.localName === 'button' && el.textContent?.trim() === label;

/** The fridge-check quiz of the open lesson, once loaded. */
async function fridgeCheck(player: LmsCoursePlayer): Promise<Element> {
  const view = await lessonView(player);
  const quiz = view.shadowRoot?.querySelector('lms-quiz') as HTMLElement & { ready: Promise<void>; updateComplete: Promise<unknown> };
  await quiz.ready;
  await quiz.updateComplete;
  return quiz;
}

const inQuiz = (quiz: Element, selector: string) => (el: Element) => el === quiz.shadowRoot?.querySelector(selector);

/** Starts an attempt and submits it without answering: a fail. */
async function failFridgeCheck(player: LmsCoursePlayer): Promise<void> {
  const quiz = await fridgeCheck(player);
  await tabTo(inQuiz(quiz, 'button.start'), 'the Start button');
  await sendKeys({ press: 'Enter' });
  await tabTo(inQuiz(quiz, 'button.submit'), 'the Submit button');
  await sendKeys({ press: 'Enter' });
}

/** Tries again and answers every question with the keyboard: arrows in radio groups and selects, Space on checkboxes. */
async function passFridgeCheck(player: LmsCoursePlayer): Promise<void> {
  const quiz = await fridgeCheck(player);
  await tabTo(inQuiz(quiz, 'button.retry'), 'the Try again button');
  await sendKeys({ press: 'Enter' });
  await waitUntil(() => deepActive()?.classList.contains('questions-heading'), 'focus did not move to the questions', { timeout: 15000 });
  await sendKeys({ press: 'Tab' }); // question 1: a radio group
  await sendKeys({ press: 'ArrowDown' }); // "close the door, check again, tell the shift lead"
  await sendKeys({ press: 'Tab' }); // question 2: true or false
  await sendKeys({ press: 'ArrowDown' }); // false
  await sendKeys({ press: 'Tab' }); // question 3: a number
  await sendKeys({ type: '5' });
  await sendKeys({ press: 'Tab' }); // question 4: raw chicken →
  for (let i = 0; i < 3; i++) await sendKeys({ press: 'ArrowDown' }); // bottom shelf
  await sendKeys({ press: 'Tab' }); // cream cakes →
  await sendKeys({ press: 'ArrowDown' }); // top shelf
  for (let i = 0; i < 3; i++) {
    await sendKeys({ press: 'Tab' }); // question 5: what it is, when made, use-by date
    await sendKeys({ press: 'Space' });
  }
  await tabTo(inQuiz(quiz, 'button.submit'), 'the Submit button');
  await sendKeys({ press: 'Enter' });
}

describe('keyboard-only learner', () => {
  it('takes the whole sample course without a mouse', async function () {
    this.timeout(90_000);
    const provider = await fixture(
      html`<lms-provider learner-email="kim@example.com" .storage=${new MemoryAdapter()}>
        <a href="#before">Skip link of the host page</a>
        <lms-course-player src="/demo/course/food-safety.json"></lms-course-player>
      </lms-provider>`,
    );
    const player = provider.querySelector('lms-course-player') as LmsCoursePlayer;
    await waitUntil(() => player.currentLessonId === 'welcome', 'course did not open', { timeout: 15000 });
    await waitForStatus(player, 'welcome', 'completed');
    (provider.querySelector('a') as HTMLAnchorElement).focus();

    // Outline: Tab lands on the current lesson, arrows move, Enter opens.
    await tabTo(isLessonButton('welcome'), 'the outline');
    await sendKeys({ press: 'ArrowDown' });
    expect(deepActive()?.getAttribute('data-lesson')).to.equal('handwashing');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => player.currentLessonId === 'handwashing', undefined, { timeout: 15000 });
    await waitUntil(() => deepActive()?.id === 'lesson-title', 'focus did not move to the new lesson', { timeout: 15000 });

    // The video: keyboard focus on the player and Space to play.
    const video = (await lessonView(player)).shadowRoot?.querySelector('video') as HTMLVideoElement;
    await tabTo((el) => el === video, 'the video');
    video.playbackRate = 8; // the learner's speed menu; watched time is still counted honestly
    await sendKeys({ press: 'Space' });
    await waitForStatus(player, 'handwashing', 'completed');

    // Next button to the document, which completes when shown.
    await tabTo(isButton('Next'), 'the Next button');
    await sendKeys({ press: 'Enter' });
    await waitForStatus(player, 'allergens', 'completed');

    await tabTo(isButton('Next'), 'the Next button');
    await sendKeys({ press: 'Enter' });
    await waitForStatus(player, 'danger-zone', 'completed');

    // Fail the fridge-check quiz: the remedial lesson opens, the checklist stays locked.
    await tabTo(isButton('Next'), 'the Next button');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => player.currentLessonId === 'fridge-check', undefined, { timeout: 15000 });
    await failFridgeCheck(player);
    await waitForStatus(player, 'danger-zone-again', 'available');
    expect(player.progress?.lessons['opening-checklist'].status).to.equal('locked');

    await tabTo(isButton('Next'), 'the Next button');
    await sendKeys({ press: 'Enter' });
    await waitForStatus(player, 'danger-zone-again', 'completed');

    // Back to the quiz with Previous, and pass it this time: full marks earn its 20 points.
    await tabTo(isButton('Previous'), 'the Previous button', true);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => player.currentLessonId === 'fridge-check', undefined, { timeout: 15000 });
    await passFridgeCheck(player);
    await waitForStatus(player, 'fridge-check', 'completed');
    await waitUntil(() => player.progress?.lessons['opening-checklist'].status !== 'locked', 'checklist still locked', { timeout: 15000 });
    expect(player.progress?.points).to.equal(60);

    // Module 3 through the outline.
    await tabTo(isLessonButton('fridge-check'), 'the outline', true);
    // The last lesson is the optional workshop, then the checklist, then cross-contamination.
    await sendKeys({ press: 'End' });
    expect(deepActive()?.getAttribute('data-lesson')).to.equal('kitchen-workshop');
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'ArrowUp' });
    expect(deepActive()?.getAttribute('data-lesson')).to.equal('cross-contamination');
    await sendKeys({ press: 'Enter' });
    await waitForStatus(player, 'cross-contamination', 'completed');
    await tabTo(isButton('Next'), 'the Next button');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => player.progress?.completed === true, 'course not completed', { timeout: 15000 });
    await expect(player).to.be.accessible();
  });
});
