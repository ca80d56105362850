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

/** Answers the embedded fridge check with the keyboard only: Tab into the frame, arrows, Enter. */
async function answerFridgeCheck(player: LmsCoursePlayer, secondAnswerDown: number): Promise<void> {
  const view = await lessonView(player);
  const frame = view.shadowRoot?.querySelector('iframe') as HTMLIFrameElement;
  // Focus inside a frame shows as the frame itself: Tab has landed on the first radio of question 1.
  await tabTo((el) => el === frame, 'the fridge check frame');
  await sendKeys({ press: 'ArrowDown' }); // "close the door, check again": right
  await sendKeys({ press: 'Tab' }); // question 2
  for (let i = 0; i < secondAnswerDown; i++) await sendKeys({ press: 'ArrowDown' });
  if (secondAnswerDown === 0) await sendKeys({ press: 'Space' });
  await sendKeys({ press: 'Tab' }); // submit button
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
    await waitUntil(() => player.currentLessonId === 'welcome', 'course did not open', { timeout: 5000 });
    await waitForStatus(player, 'welcome', 'completed');
    (provider.querySelector('a') as HTMLAnchorElement).focus();

    // Outline: Tab lands on the current lesson, arrows move, Enter opens.
    await tabTo(isLessonButton('welcome'), 'the outline');
    await sendKeys({ press: 'ArrowDown' });
    expect(deepActive()?.getAttribute('data-lesson')).to.equal('handwashing');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => player.currentLessonId === 'handwashing');
    await waitUntil(() => deepActive()?.id === 'lesson-title', 'focus did not move to the new lesson');

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

    // Fail the knowledge check: the remedial lesson opens, the checklist stays locked.
    await tabTo(isButton('Next'), 'the Next button');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => player.currentLessonId === 'fridge-check');
    await answerFridgeCheck(player, 1);
    await waitForStatus(player, 'danger-zone-again', 'available');
    expect(player.progress?.lessons['opening-checklist'].status).to.equal('locked');

    await tabTo(isButton('Next'), 'the Next button');
    await sendKeys({ press: 'Enter' });
    await waitForStatus(player, 'danger-zone-again', 'completed');

    // Back to the check with Previous, and pass it this time.
    await tabTo(isButton('Previous'), 'the Previous button', true);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => player.currentLessonId === 'fridge-check');
    await answerFridgeCheck(player, 0);
    await waitForStatus(player, 'fridge-check', 'completed');
    await waitUntil(() => player.progress?.lessons['opening-checklist'].status !== 'locked', 'checklist still locked', { timeout: 5000 });
    expect(player.progress?.points).to.equal(60);

    // Module 3 through the outline.
    await tabTo(isLessonButton('fridge-check'), 'the outline', true);
    await sendKeys({ press: 'End' });
    await sendKeys({ press: 'ArrowUp' });
    expect(deepActive()?.getAttribute('data-lesson')).to.equal('cross-contamination');
    await sendKeys({ press: 'Enter' });
    await waitForStatus(player, 'cross-contamination', 'completed');
    await tabTo(isButton('Next'), 'the Next button');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => player.progress?.completed === true, 'course not completed', { timeout: 5000 });
    await expect(player).to.be.accessible();
  });
});
