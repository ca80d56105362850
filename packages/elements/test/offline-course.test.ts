import { expect } from '@open-wc/testing';
import { closeProfile, crashTab, evalInTab, openTab, reloadTab, setTabOffline, waitInTab } from '../../../test/helpers/commands.js';
import { lrsInfo, lrsStatements } from '../../../test/helpers/lrs.js';
import { uniqueName } from './helpers.js';

/** Offline copies in real Chromium: the browser's own offline mode cuts the network of the tab's profile. */
const panel = `window.player?.shadowRoot?.querySelector('[part="offline"]')`;
const status = `${panel}?.dataset.status`;
const click = (text: string) =>
  `(() => { const b = [...${panel}.querySelectorAll('button')].find((b) => b.textContent.includes(${JSON.stringify(text)})); b.click(); return true; })()`;
const view = `window.player.shadowRoot.querySelector('.view-host')?.firstElementChild`;
const lessonStatus = (id: string) => `window.player.progress?.lessons[${JSON.stringify(id)}]?.status`;

const courseUrl = (name: string) => `/offline-course/${name}/food-safety.json`;
const pageUrl = (name: string, lrs?: string) =>
  `/test/pages/offline.html?db=${name}&src=${encodeURIComponent(courseUrl(name))}${lrs ? `&lrs=${encodeURIComponent(lrs)}` : ''}`;
const hits = async (name: string): Promise<Record<string, number>> => (await fetch(`/offline-course/${name}/__hits`)).json();
const publish = (name: string, version: string) => fetch(`/offline-course/${name}/__version?v=${version}`, { method: 'POST' });

/** Waits longer than one test command may (20 s), in slices. */
async function waitLong(tab: number, expression: string, ms: number): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    try {
      return await waitInTab(tab, expression, 15_000);
    } catch (error) {
      if (Date.now() > until) throw error;
    }
  }
}

/** Opens `lessonId` in the tab's player and waits until `ready` (an expression on `view`) holds. */
async function openLesson(tab: number, lessonId: string, ready: string): Promise<void> {
  await evalInTab(tab, `window.player.goToLesson(${JSON.stringify(lessonId)}).then(() => true)`);
  await waitInTab(tab, `window.player.currentLessonId === ${JSON.stringify(lessonId)} && (${ready.replaceAll('VIEW', view)})`, 15_000);
}

async function makeAvailableOffline(tab: number): Promise<void> {
  await waitInTab(tab, `${status} === 'idle'`, 15_000);
  await evalInTab(tab, click('Make available offline'));
  await waitLong(tab, `${status} === 'available'`, 90_000);
}

describe('<lms-course-player offline>', function () {
  this.timeout(180_000);

  it('takes the whole demo course with the network off, then syncs its records exactly once', async () => {
    const name = uniqueName('offline-demo');
    const { endpoint } = await lrsInfo();
    const tab = await openTab(pageUrl(name, endpoint), { isolated: true });
    try {
      await makeAvailableOffline(tab);
      const copy = await evalInTab<{ files: number; bytes: number; version: string }>(tab, `window.store.get(${JSON.stringify(courseUrl(name))})`);
      expect(copy.version).to.equal('1');
      expect(copy.bytes).to.be.greaterThan(70_000);
      expect(await evalInTab(tab, 'window.changes.join()')).to.contain('saved');

      await setTabOffline(tab, true);
      await reloadTab(tab);
      // The page, LMS Kit's code, the course and its files all come from the copy.
      await waitLong(tab, `window.player?.progress && window.player.shadowRoot.querySelector('[part="offline-banner"]')`, 30_000);
      expect(await evalInTab(tab, `window.player.shadowRoot.querySelector('[part="offline-banner"]').textContent`)).to.contain('progress will sync');
      expect(await evalInTab(tab, 'navigator.onLine')).to.equal(false);

      await openLesson(tab, 'welcome', `VIEW?.shadowRoot?.textContent.includes('Welcome to Northwind Bakery')`);
      await waitInTab(tab, `${lessonStatus('welcome')} === 'completed'`);
      await openLesson(tab, 'handwashing', `VIEW?.shadowRoot?.querySelector('video')?.readyState >= 1`);
      expect(await evalInTab(tab, `${view}.shadowRoot.querySelector('video').textTracks.length`)).to.equal(1);
      await evalInTab(tab, `(() => { const v = ${view}.shadowRoot.querySelector('video'); v.muted = true; v.playbackRate = 4; return v.play().then(() => true); })()`);
      await waitLong(tab, `${lessonStatus('handwashing')} === 'completed'`, 60_000);
      await openLesson(tab, 'allergens', `VIEW?.shadowRoot?.querySelector('[part="document"]')`);
      await waitInTab(tab, `${lessonStatus('allergens')} === 'completed'`);
      await openLesson(tab, 'danger-zone', `VIEW?.shadowRoot?.textContent.includes('danger zone')`);
      await openLesson(tab, 'fridge-check', `VIEW?.shadowRoot?.querySelector('lms-quiz')?.shadowRoot?.textContent.includes('chilled food')`);
      const registration = await evalInTab<string>(tab, 'window.player.session.progress.registration');
      const completed = (verbs: string[]) => verbs.filter((verb) => verb.endsWith('/completed')).length;
      // What reached the LRS before the network was cut (the first lesson, opened online).
      const before = await lrsStatements(registration);

      await setTabOffline(tab, false);
      await waitInTab(tab, `!window.player.shadowRoot.querySelector('[part="offline-banner"]')`);
      // The three lessons completed offline reach the LRS once each, however many retries it took.
      let after = before;
      for (let i = 0; i < 150 && completed(after.verbs) < completed(before.verbs) + 3; i++) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        after = await lrsStatements(registration);
      }
      expect(completed(after.verbs)).to.equal(completed(before.verbs) + 3);
      await waitInTab(tab, `window.player.shadowRoot.querySelector('[part="offline"]')`);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      after = await lrsStatements(registration);
      expect(new Set(after.ids).size).to.equal(after.ids.length);
      expect(completed(after.verbs)).to.equal(completed(before.verbs) + 3);
    } finally {
      await closeProfile(tab);
    }
  });
});
