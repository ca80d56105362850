import { expect } from '@open-wc/testing';
import { closeProfile, crashTab, evalInTab, openTab, waitInTab } from '../../../test/helpers/commands.js';
import { uniqueName } from './helpers.js';

const COURSE = '/test/pages/video-course.json';
const playerUrl = (db: string) => `/test/pages/player.html?db=${db}&src=${encodeURIComponent(COURSE)}`;
const video = `window.player.shadowRoot.querySelector('.view-host')?.firstElementChild?.shadowRoot?.querySelector('video')`;
const savedPosition = `window.storage.getLessonState({ learnerId: 'mailto:ada@example.com', courseId: 'video-course', lessonId: 'wash' }).then((s) => s?.position ?? 0)`;

describe('<lms-video-lesson> in a player that is killed during playback', () => {
  it('keeps all but the last few seconds watched when the tab dies without pagehide', async function () {
    this.timeout(60_000);
    const db = uniqueName('video-crash');
    // An isolated profile: its renderer is never the test page's, so the kill leaves the test running.
    const tab = await openTab(playerUrl(db), { isolated: true });
    let again: number | undefined;
    try {
      await waitInTab(tab, `${video}?.readyState >= 1`, 15_000);
      await evalInTab(tab, `(() => { const v = ${video}; v.muted = true; return v.play().then(() => true); })()`);
      // Continuous playback, no pause: only a save during playback can keep any of it.
      await waitInTab(tab, `${video}.currentTime >= 9`, 20_000);
      const watched = await evalInTab<number>(tab, `${video}.currentTime`);
      await crashTab(tab);

      again = await openTab(playerUrl(db), { contextOf: tab });
      await waitInTab(again, `window.player?.currentLessonId === 'wash'`, 15_000);
      const position = await evalInTab<number>(again, savedPosition);
      expect(position, `watched ${watched} s, saved ${position} s`).to.be.at.least(watched - 5);
      // The reopened lesson starts where the save left it.
      await waitInTab(again, `${video}?.readyState >= 1 && ${video}.currentTime > 0`, 15_000);
      expect(await evalInTab<number>(again, `${video}.currentTime`)).to.be.closeTo(position, 0.5);
    } finally {
      await closeProfile(again ?? tab);
    }
  });
});
