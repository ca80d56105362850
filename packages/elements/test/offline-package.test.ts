import { expect } from '@open-wc/testing';
import { closeProfile, evalInTab, openTab, reloadTab, setTabOffline, waitInTab } from '../../../test/helpers/commands.js';
import { uniqueName } from './helpers.js';

/** Offline copies of a SCORM package and the quota pre-check, in real Chromium with the profile's network cut. */
const panel = `window.player?.shadowRoot?.querySelector('[part="offline"]')`;
const status = `${panel}?.dataset.status`;
const click = (text: string) =>
  `(() => { const b = [...${panel}.querySelectorAll('button')].find((b) => b.textContent.includes(${JSON.stringify(text)})); b.click(); return true; })()`;
const sco = `window.player?.shadowRoot?.querySelector('lms-scorm-lesson')?.shadowRoot?.querySelector('iframe')?.contentDocument`;

const packageUrl = (name: string) => `/offline-package/${name}/course.zip`;
const courseUrl = (name: string) => `/offline-course/${name}/food-safety.json`;
const pageUrl = (name: string, src: string) => `/test/pages/offline.html?db=${name}&src=${encodeURIComponent(src)}`;
const mediaGets = async (name: string) => {
  const hits: Record<string, number> = await (await fetch(`/offline-course/${name}/__hits`)).json();
  return Object.entries(hits).filter(([file]) => file.startsWith('media/'));
};

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

describe('offline copies of packages, and the room they need', function () {
  this.timeout(180_000);

  it('plays a SCORM package with the network off, with the external file its manifest lists and the player code', async () => {
    const name = uniqueName('offline-package');
    const tab = await openTab(pageUrl(name, packageUrl(name)), { isolated: true });
    try {
      // Online: the SCO shows the word of the site's glossary, a file outside the zip (xml:base in the manifest).
      await waitLong(tab, `${sco}?.getElementById('word')?.textContent === 'mise en place' && ${status} === 'idle'`, 45_000);
      await evalInTab(tab, click('Make available offline'));
      await waitLong(tab, `${status} === 'available'`, 90_000);
      const kept = await evalInTab<string[]>(
        tab,
        `caches.keys().then((names) => caches.open(names.find((n) => n.startsWith('lms-kit-offline:')))).then((c) => c.keys()).then((keys) => keys.map((k) => k.url))`,
      );
      expect(kept.some((url) => url.endsWith(`/offline-package/${name}/shared/glossary.js`))).to.equal(true);
      expect(kept.some((url) => url.endsWith(`/offline-package/${name}/course.zip`))).to.equal(true);
      // The SCORM views' code: the lesson view and the runtime that hosts the SCO.
      expect(kept.some((url) => /scorm-lesson/.test(url))).to.equal(true);
      expect(kept.some((url) => /scorm\/src\/runtime/.test(url))).to.equal(true);
      const glossaryGets = ((await (await fetch(`/offline-package/${name}/__hits`)).json()) as Record<string, number>)[
        'shared/glossary.js'
      ];

      await setTabOffline(tab, true);
      await reloadTab(tab);
      expect(await evalInTab(tab, 'navigator.onLine')).to.equal(false);
      // The page, LMS Kit's code, the package and its external file all come from the copy.
      await waitLong(tab, `${sco}?.getElementById('word')?.textContent === 'mise en place'`, 45_000);
      expect(await evalInTab(tab, `!!window.player.shadowRoot.querySelector('[part="offline-banner"]')`)).to.equal(true);
      await evalInTab(tab, `(${sco}.getElementById('done').click(), true)`);
      await waitInTab(tab, `window.player.progress?.lessons.sco?.status === 'completed'`, 15_000);
      await waitInTab(tab, `window.player.progress?.completed === true`, 15_000);
      // Kept: a reload, still offline, finds the lesson done.
      await reloadTab(tab);
      await waitLong(tab, `window.player?.progress?.lessons.sco?.status === 'completed'`, 45_000);
      const after = ((await (await fetch(`/offline-package/${name}/__hits`)).json()) as Record<string, number>)['shared/glossary.js'];
      expect(after).to.equal(glossaryGets);
    } finally {
      await closeProfile(tab);
    }
  });

  it('checks the room before downloading: offline/quota with the bytes needed and free, nothing fetched, the copy in use kept', async () => {
    const name = uniqueName('huge-offline');
    const tab = await openTab(pageUrl(name, courseUrl(name)), { isolated: true });
    try {
      await waitInTab(tab, `${status} === 'idle'`, 15_000);
      await evalInTab(tab, click('Make available offline'));
      await waitLong(tab, `${status} === 'available'`, 90_000);
      const before = await mediaGets(name);

      // Version "huge" has a document (no smaller rendition to offer) larger than what Chromium says is free here.
      const { quota, usage } = await evalInTab<{ quota: number; usage: number }>(tab, 'navigator.storage.estimate()');
      const free = quota - usage;
      await fetch(`/offline-course/${name}/__version?v=huge&bytes=${free + 1e9}`, { method: 'POST' });
      await reloadTab(tab);
      await waitLong(tab, `${panel}?.querySelector('[role="alert"]')`, 60_000);
      const message = await evalInTab<string>(tab, `${panel}.querySelector('[role="alert"]').textContent`);
      expect(message).to.match(/needs [\d.,]+ ?GB and [\d.,]+ ?GB are free/);
      const error = await evalInTab<{ code: string; needed: number; available: number }>(
        tab,
        `window.store.download(${JSON.stringify(courseUrl(name))}).then(() => ({}), (e) => ({ code: e.code, needed: e.needed, available: e.available }))`,
      );
      expect(error.code).to.equal('offline/quota');
      expect(error.needed).to.be.greaterThan(free + 1e9);
      expect(error.available).to.be.within(free - 50e6, free + 50e6);
      expect(await evalInTab<string[]>(tab, 'window.errors')).to.include('offline/quota');
      // The download did not start: no media file was fetched again, the huge one not at all.
      expect(await mediaGets(name)).to.deep.equal(before);
      // The copy in use is the whole of version 1, and it is what the learner gets offline.
      const copy = await evalInTab<{ version: string; status: string; updating: boolean }>(
        tab,
        `window.store.get(${JSON.stringify(courseUrl(name))})`,
      );
      expect(copy).to.include({ version: '1', status: 'available', updating: false });
      expect(
        await evalInTab<string[]>(tab, `caches.keys().then((keys) => keys.filter((k) => k.startsWith('lms-kit-offline:')))`),
      ).to.have.length(1);
      await setTabOffline(tab, true);
      await reloadTab(tab);
      await waitLong(tab, `window.player?.session?.course?.version === '1'`, 30_000);
      await evalInTab(tab, `window.player.goToLesson('allergens').then(() => true)`);
      await waitInTab(
        tab,
        `window.player.shadowRoot.querySelector('.view-host')?.firstElementChild?.shadowRoot?.querySelector('[part="document"]')`,
        15_000,
      );
    } finally {
      await closeProfile(tab);
    }
  });
});
