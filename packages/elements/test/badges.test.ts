import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { MemoryAdapter } from '@lms-kit/storage';
import type { EngagementConfig } from '@lms-kit/core';
import type { LmsBadges, LmsCoursePlayer } from '@lms-kit/elements';
import { textCourse } from '../../../test/helpers/courses.js';
import { outlineButton, waitForStatus } from './helpers.js';
import '@lms-kit/elements/all';

const text = (el: Element) => el.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '';
const toast = (el: LmsBadges) => el.shadowRoot?.querySelector('[part="toast"]') as HTMLElement;

/** A three-lesson course worth 10 points a lesson, and a badge for finishing its module. */
function setUp() {
  const course = textCourse('badges-101', 3);
  for (const lesson of course.modules[0].lessons) lesson.points = 10;
  const config: EngagementConfig = {
    levels: [
      { id: 'new', title: 'New starter', minPoints: 0 },
      { id: 'member', title: 'Team member', minPoints: 20 },
    ],
    badges: [
      {
        id: 'finisher',
        title: 'Finisher',
        description: 'Finish module one.',
        rule: { type: 'module-completed', courseId: course.id, moduleId: 'm1' },
        points: 5,
      },
      { id: 'big', title: 'Big earner', description: 'Earn 100 points.', rule: { type: 'points', min: 100 } },
    ],
  };
  return { course, config };
}

describe('<lms-badges>', function () {
  this.timeout(60_000);
  afterEach(() => emulateMedia({ reducedMotion: 'no-preference' }));

  it('awards points and a badge as a player beside it advances, announces each once, and is accessible', async () => {
    const { course, config } = setUp();
    const provider = await fixture(
      html`<lms-provider learner-email="ada@example.com" .storage=${new MemoryAdapter()}>
        <lms-course-player .course=${course}></lms-course-player>
        <lms-badges .config=${config}></lms-badges>
      </lms-provider>`,
    );
    const player = provider.querySelector('lms-course-player') as LmsCoursePlayer;
    const badges = provider.querySelector('lms-badges') as LmsBadges;
    const awards: string[] = [];
    const earned: string[] = [];
    badges.addEventListener('lms-points-award', (e) => awards.push(e.detail.award.source));
    badges.addEventListener('lms-badge-earned', (e) => earned.push(e.detail.badge.id));

    await waitUntil(() => text(badges).includes('10 points'), `first lesson: ${text(badges)}`, { timeout: 10000 });
    expect(text(badges)).to.contain('Level: New starter');
    expect(text(badges)).to.contain('10 points to Team member');
    expect(toast(badges).getAttribute('role')).to.equal('status');
    expect(toast(badges).textContent).to.contain('+10 points: lesson completed');
    await expect(badges).to.be.accessible();

    outlineButton(player, 'l2').click();
    await waitForStatus(player, 'l2', 'completed');
    outlineButton(player, 'l3').click();
    await waitForStatus(player, 'l3', 'completed');
    await waitUntil(() => text(badges).includes('35 points'), `module done: ${text(badges)}`, { timeout: 10000 });
    expect(text(badges)).to.contain('Level: Team member');
    const finisher = badges.shadowRoot?.querySelector('[data-badge="finisher"]');
    expect(finisher?.getAttribute('part')).to.equal('badge earned');
    const big = badges.shadowRoot?.querySelector('[data-badge="big"]');
    expect(big?.getAttribute('part')).to.equal('badge locked');
    expect(big?.querySelector('progress')?.getAttribute('aria-label')).to.equal('Big earner: 35 of 100');
    expect(toast(badges).textContent).to.contain('Badge earned: Finisher');
    expect(awards.sort()).to.deep.equal(['badges-101/l1', 'badges-101/l2', 'badges-101/l3', 'finisher']);
    expect(earned).to.deep.equal(['finisher']);
    await expect(badges).to.be.accessible();
  });

  it('shows the toast without motion when the learner asks for reduced motion', async () => {
    const { course, config } = setUp();
    await emulateMedia({ reducedMotion: 'reduce' });
    const provider = await fixture(
      html`<lms-provider learner-email="ada@example.com" .storage=${new MemoryAdapter()}>
        <lms-course-player .course=${course}></lms-course-player>
        <lms-badges .config=${config}></lms-badges>
      </lms-provider>`,
    );
    const badges = provider.querySelector('lms-badges') as LmsBadges;
    await waitUntil(() => toast(badges).textContent?.includes('+10 points'), 'no award toast', { timeout: 10000 });
    expect(getComputedStyle(toast(badges)).animationName).to.equal('none');
    await emulateMedia({ reducedMotion: 'no-preference' });
    await waitUntil(() => getComputedStyle(toast(badges)).animationName === 'lms-toast-in', 'animated without the preference');
  });

  it('reports a config it cannot use, from a property or from src, as a typed error', async () => {
    const invalid = {
      badges: [{ id: 'x', title: 'X', description: 'd', image: 'javascript:alert(1)', rule: { type: 'streak', days: 1 } }],
    };
    const el = await fixture<LmsBadges>(html`<lms-badges></lms-badges>`);
    expect(text(el)).to.contain('This site has no points or badges.');
    const error = oneEvent(el, 'lms-error');
    el.config = invalid as EngagementConfig;
    expect((await error).detail.error.code).to.equal('engagement/invalid-config');
    await waitUntil(() => el.shadowRoot?.querySelector('[role="alert"]'), 'no error state');
    expect(el.shadowRoot?.querySelector('img'), 'no image from a rejected config').to.equal(null);
    await expect(el).to.be.accessible();

    const fromSrc = await fixture<LmsBadges>(html`<lms-badges src="/demo/engagement-missing.json"></lms-badges>`);
    await waitUntil(() => fromSrc.shadowRoot?.querySelector('[role="alert"]'), 'a missing config file is an error state');
    const demo = await fixture<LmsBadges>(html`<lms-badges src="/demo/engagement.json"></lms-badges>`);
    await waitUntil(() => text(demo).includes('Clean hands'), `the demo config loads: ${text(demo)}`, { timeout: 10000 });
  });
});
