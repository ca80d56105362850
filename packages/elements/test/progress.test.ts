import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { MemoryAdapter } from '@lms-kit/storage';
import { DexieAdapter } from '@lms-kit/storage/dexie';
import type { LmsCoursePlayer, LmsProgress } from '@lms-kit/elements';
import Dexie from 'dexie';
import { textCourse } from '../../../test/helpers/courses.js';
import { closeTab, evalInTab, openTab, waitInTab } from '../../../test/helpers/commands.js';
import { outlineButton, uniqueName, waitForStatus } from './helpers.js';
import '@lms-kit/elements/all';
// <lms-progress> loads when its tag appears; these tests read it as soon as it is in the page.
import '@lms-kit/elements/define/lms-progress';

const text = (el: LmsProgress) => el.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '';

describe('<lms-progress>', () => {
  it('says when the course is unknown or not started', async () => {
    const provider = await fixture(
      html`<lms-provider learner-email="ada@example.com" .storage=${new MemoryAdapter()}
        ><lms-progress course="nope"></lms-progress
      ></lms-provider>`,
    );
    const progress = provider.querySelector('lms-progress') as LmsProgress;
    await waitUntil(() => text(progress).includes('Open the course'), 'empty state');
    await expect(progress).to.be.accessible();
    const withSrc = await fixture(
      html`<lms-provider learner-email="ada@example.com" .storage=${new MemoryAdapter()}
        ><lms-progress src="/demo/course/food-safety.json"></lms-progress
      ></lms-provider>`,
    );
    const fromSrc = withSrc.querySelector('lms-progress') as LmsProgress;
    await waitUntil(() => text(fromSrc).includes('Not started yet.'), 'not started');
    expect(text(fromSrc)).to.contain('Food safety basics');
  });

  it('follows a player on the same page as the learner advances', async () => {
    const provider = await fixture(
      html`<lms-provider learner-email="ada@example.com" .storage=${new MemoryAdapter()}>
        <lms-course-player .course=${textCourse('live', 4)}></lms-course-player>
        <lms-progress course="live"></lms-progress>
      </lms-provider>`,
    );
    const player = provider.querySelector('lms-course-player') as LmsCoursePlayer;
    const progress = provider.querySelector('lms-progress') as LmsProgress;
    await waitUntil(() => text(progress).includes('Overall: 25%'), `progress shows 25%: ${text(progress)}`, { timeout: 5000 });
    expect(text(progress)).to.contain('Next: Lesson 2');
    outlineButton(player, 'l2').click();
    await waitForStatus(player, 'l2', 'completed');
    await waitUntil(() => text(progress).includes('Overall: 50%'), `progress shows 50%: ${text(progress)}`);
    expect(text(progress)).to.contain('Module one: 50%');
    expect(progress.shadowRoot?.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow')).to.equal('50');
    await expect(progress).to.be.accessible();
  });

  it('follows a player in another tab', async () => {
    const db = uniqueName('progress');
    const adapter = new DexieAdapter({ databaseName: db });
    const provider = await fixture(
      html`<lms-provider learner-email="ada@example.com" .storage=${adapter}
        ><lms-progress course="resume-course"></lms-progress
      ></lms-provider>`,
    );
    const progress = provider.querySelector('lms-progress') as LmsProgress;
    await waitUntil(() => text(progress).includes('Open the course'));
    const tab = await openTab(`/test/pages/player.html?db=${db}&src=${encodeURIComponent('/test/pages/resume-course.json')}`);
    try {
      await waitInTab(tab, `window.player?.progress?.lessons.l1.status === 'completed'`);
      await waitUntil(() => text(progress).includes('Overall: 25%'), `progress shows 25%: ${text(progress)}`, { timeout: 5000 });
      await evalInTab(tab, `window.player.goToLesson('l3')`);
      await waitUntil(() => text(progress).includes('Overall: 50%'), `progress shows 50%: ${text(progress)}`, { timeout: 5000 });
    } finally {
      await closeTab(tab);
      await adapter.close();
      await Dexie.delete(db);
    }
  });
});
