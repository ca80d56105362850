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
const pageUrl = (name: string, lrs?: string, certificate?: string) =>
  `/test/pages/offline.html?db=${name}&src=${encodeURIComponent(courseUrl(name))}${lrs ? `&lrs=${encodeURIComponent(lrs)}` : ''}${
    certificate ? `&certificate=${certificate}` : ''
  }`;
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

/** "completed" statements made offline: six lessons, the quiz attempt and the course. */
const OFFLINE_COMPLETIONS = 8;

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
    const tab = await openTab(pageUrl(name, endpoint, 'food-safety-basics'), { isolated: true });
    try {
      await makeAvailableOffline(tab);
      const copy = await evalInTab<{ files: number; bytes: number; version: string }>(
        tab,
        `window.store.get(${JSON.stringify(courseUrl(name))})`,
      );
      expect(copy.version).to.equal('1');
      expect(copy.bytes).to.be.greaterThan(70_000);
      console.log(`offline copy: ${copy.files} files, ${copy.bytes} bytes`);
      expect(await evalInTab(tab, 'window.changes.join()')).to.contain('saved');

      await setTabOffline(tab, true);
      await reloadTab(tab);
      // The page, LMS Kit's code, the course and its files all come from the copy.
      await waitLong(tab, `window.player?.progress && window.player.shadowRoot.querySelector('[part="offline-banner"]')`, 30_000);
      expect(await evalInTab(tab, `window.player.shadowRoot.querySelector('[part="offline-banner"]').textContent`)).to.contain(
        'progress will sync',
      );
      expect(await evalInTab(tab, 'navigator.onLine')).to.equal(false);

      await openLesson(tab, 'welcome', `VIEW?.shadowRoot?.textContent.includes('Welcome to Northwind Bakery')`);
      await waitInTab(tab, `${lessonStatus('welcome')} === 'completed'`);
      await openLesson(tab, 'handwashing', `VIEW?.shadowRoot?.querySelector('video')?.readyState >= 1`);
      expect(await evalInTab(tab, `${view}.shadowRoot.querySelector('video').textTracks.length`)).to.equal(1);
      await evalInTab(
        tab,
        `(() => { const v = ${view}.shadowRoot.querySelector('video'); v.muted = true; v.playbackRate = 4; return v.play().then(() => true); })()`,
      );
      await waitLong(tab, `${lessonStatus('handwashing')} === 'completed'`, 60_000);
      await openLesson(tab, 'allergens', `VIEW?.shadowRoot?.querySelector('[part="document"]')`);
      await waitInTab(tab, `${lessonStatus('allergens')} === 'completed'`);
      await openLesson(tab, 'danger-zone', `VIEW?.shadowRoot?.textContent.includes('danger zone')`);
      await openLesson(
        tab,
        'fridge-check',
        `VIEW?.shadowRoot?.querySelector('lms-quiz')?.shadowRoot?.textContent.includes('chilled food')`,
      );
      // The quiz, offline: an attempt answered (every answer right) and submitted.
      await evalInTab(
        tab,
        `(async () => {
          const quiz = ${view}.shadowRoot.querySelector('lms-quiz');
          await quiz.ready;
          await quiz.start();
          const answers = { 'warm-fridge': ['recheck'], 'custard-out': false, 'fridge-max': '5', shelves: { chicken: 'bottom', cakes: 'top' }, label: ['what', 'made', 'use-by'], confidence: 'fully' };
          for (const [question, answer] of Object.entries(answers)) quiz.session.answer(question, answer);
          return quiz.submit();
        })()`,
      );
      await waitInTab(tab, `${lessonStatus('fridge-check')} === 'completed'`, 15_000);
      // The last module, unlocked by the quiz's points.
      await openLesson(tab, 'cross-contamination', `VIEW?.shadowRoot?.textContent.includes('Colour-coded boards')`);
      await waitInTab(tab, `${lessonStatus('cross-contamination')} === 'completed'`, 15_000);
      await waitInTab(tab, `${lessonStatus('opening-checklist')} !== 'locked'`, 15_000);
      await openLesson(tab, 'opening-checklist', `VIEW?.shadowRoot?.textContent.includes('open the kitchen')`);
      await waitInTab(tab, `window.player.progress?.completed === true`, 15_000);
      // The certificate is issued, signed and shown with the network still off.
      await waitInTab(tab, `window.certificates.length === 1 && window.certificateView.record?.id === window.certificates[0]`, 15_000);
      await waitInTab(tab, `window.certificateView.shadowRoot.textContent.includes('Food safety certificate')`, 15_000);
      expect(await evalInTab(tab, 'navigator.onLine')).to.equal(false);
      expect(await evalInTab<string>(tab, 'window.certificateView.record.jwt')).to.match(/^[\w-]+\.[\w-]+\.[\w-]+$/);

      const registration = await evalInTab<string>(tab, 'window.player.session.progress.registration');
      const completed = (verbs: string[]) => verbs.filter((verb) => verb.endsWith('/completed')).length;
      // What reached the LRS before the network was cut (the first lesson, opened online).
      const before = await lrsStatements(registration);

      await setTabOffline(tab, false);
      await waitInTab(tab, `!window.player.shadowRoot.querySelector('[part="offline-banner"]')`);
      // What was completed offline reaches the LRS once each, however many retries it took.
      let after = before;
      for (let i = 0; i < 150 && completed(after.verbs) < completed(before.verbs) + OFFLINE_COMPLETIONS; i++) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        after = await lrsStatements(registration);
      }
      expect(completed(after.verbs)).to.equal(completed(before.verbs) + OFFLINE_COMPLETIONS);
      await waitInTab(tab, `window.player.shadowRoot.querySelector('[part="offline"]')`);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      after = await lrsStatements(registration);
      expect(new Set(after.ids).size).to.equal(after.ids.length);
      expect(completed(after.verbs)).to.equal(completed(before.verbs) + OFFLINE_COMPLETIONS);
      expect(after.verbs.filter((verb) => verb.endsWith('/passed'))).to.have.length(1);
    } finally {
      await closeProfile(tab);
    }
  });

  it('applies a version published while the learner was offline once the network is back', async () => {
    const name = uniqueName('offline-update');
    const tab = await openTab(pageUrl(name), { isolated: true });
    try {
      await makeAvailableOffline(tab);
      await waitInTab(tab, `${lessonStatus('welcome')} === 'completed'`);
      await setTabOffline(tab, true);
      await publish(name, '2');
      await reloadTab(tab);
      await waitLong(tab, `window.player?.progress && ${status} === 'available'`, 30_000);
      // Offline, the copy in use (version 1) is what the learner gets.
      expect(await evalInTab(tab, 'window.player.session.course.version')).to.equal('1');

      await setTabOffline(tab, false);
      await waitLong(tab, `window.player.shadowRoot.querySelector('[part="title"]')?.textContent.includes('version 2')`, 60_000);
      const copy = await evalInTab<{ version: string; updating: boolean; status: string }>(
        tab,
        `window.store.get(${JSON.stringify(courseUrl(name))})`,
      );
      expect(copy).to.include({ version: '2', updating: false, status: 'available' });
      // Progress moves to the new version as it does for any new version: what was done stays done.
      expect(await evalInTab(tab, lessonStatus('welcome'))).to.equal('completed');
      // One copy's cache is left: the old one went once the new one took over.
      expect(
        await evalInTab<string[]>(tab, `caches.keys().then((keys) => keys.filter((k) => k.startsWith('lms-kit-offline:')))`),
      ).to.have.length(1);
      // And offline again, the new version is the one served.
      await setTabOffline(tab, true);
      await reloadTab(tab);
      await waitLong(tab, `window.player?.session?.course?.version === '2'`, 30_000);
    } finally {
      await closeProfile(tab);
    }
  });

  it('resumes a download killed half-way without fetching again what it had kept', async () => {
    const name = uniqueName('slow-offline');
    const tab = await openTab(pageUrl(name), { isolated: true });
    let again: number | undefined;
    try {
      await waitInTab(tab, `${status} === 'idle'`, 15_000);
      await evalInTab(tab, click('Make available offline'));
      // Media come slowly: kill the tab once the captions and the PDF are kept and the video is still on its way.
      const keptUrls = `caches.keys().then((names) => names.find((n) => n.startsWith('lms-kit-offline:'))).then((n) => n ? caches.open(n).then((c) => c.keys()).then((keys) => keys.map((k) => k.url)) : [])`;
      let kept: string[] = [];
      for (let i = 0; i < 200 && !(kept.some((u) => u.endsWith('.vtt')) && kept.some((u) => u.endsWith('.pdf'))); i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        kept = await evalInTab<string[]>(tab, keptUrls);
      }
      expect(kept.some((url) => url.endsWith('.webm'))).to.equal(false);
      await crashTab(tab);

      again = await openTab(pageUrl(name), { contextOf: tab });
      await waitLong(again, `window.player?.shadowRoot?.querySelector('[part="offline"]')?.dataset.status === 'interrupted'`, 30_000);
      const partial = await evalInTab<{ status: string }>(again, `window.store.get(${JSON.stringify(courseUrl(name))})`);
      expect(partial.status).to.equal('partial');
      await evalInTab(
        again,
        `(() => { const b = [...window.player.shadowRoot.querySelector('[part="offline"]').querySelectorAll('button')].find((b) => b.textContent.includes('Resume')); b.click(); return true; })()`,
      );
      await waitLong(again, `window.player.shadowRoot.querySelector('[part="offline"]')?.dataset.status === 'available'`, 90_000);
      const counts = await hits(name);
      // Kept before the kill: fetched once. The video was cut off: fetched again.
      expect(counts['media/handwashing.en.vtt']).to.equal(1);
      expect(counts['media/allergen-chart.pdf']).to.equal(1);
      expect(counts['media/handwashing.webm']).to.equal(2);
    } finally {
      if (again !== undefined) await closeProfile(again);
    }
  });

  it('fails with offline/quota and keeps the copy in use when a new version does not fit, and offers a smaller video', async () => {
    const name = uniqueName('big-offline');
    const tab = await openTab(pageUrl(name), { isolated: true, quotaSize: 20 * 1024 * 1024 });
    try {
      await makeAvailableOffline(tab);
      await publish(name, 'big');
      // Headless, with no one to ask about the 24 MB video: a typed error, and the copy in use stays.
      const code = await evalInTab(
        tab,
        `window.store.download(${JSON.stringify(courseUrl(name))}).then(() => 'saved', (error) => error.code)`,
      );
      expect(code).to.equal('offline/quota');
      const copy = await evalInTab<{ version: string; status: string; updating: boolean }>(
        tab,
        `window.store.get(${JSON.stringify(courseUrl(name))})`,
      );
      expect(copy).to.include({ version: '1', status: 'available', updating: false });
      expect(
        await evalInTab<string[]>(tab, `caches.keys().then((keys) => keys.filter((k) => k.startsWith('lms-kit-offline:')))`),
      ).to.have.length(1);

      // The player updates the copy in the background and asks the learner about the video instead.
      await reloadTab(tab);
      await waitLong(tab, `${status} === 'choosing'`, 60_000);
      expect(await evalInTab(tab, `${panel}.textContent`)).to.contain('does not fit');
      await evalInTab(tab, click('360p'));
      await waitLong(tab, `window.player.session?.course?.version === 'big' && ${status} === 'available'`, 60_000);
      const updated = await evalInTab<{ version: string; bytes: number }>(tab, `window.store.get(${JSON.stringify(courseUrl(name))})`);
      expect(updated.version).to.equal('big');
      expect(updated.bytes).to.be.lessThan(20 * 1024 * 1024);
      const keptUrls = await evalInTab<string[]>(
        tab,
        `caches.keys().then((names) => caches.open(names.find((n) => n.startsWith('lms-kit-offline:')))).then((c) => c.keys()).then((keys) => keys.map((k) => k.url))`,
      );
      expect(keptUrls.some((url) => url.endsWith('big.webm'))).to.equal(false);
      expect(keptUrls.some((url) => url.endsWith('handwashing.webm'))).to.equal(true);

      // Offline, the video lesson plays the 360p rendition it kept.
      await setTabOffline(tab, true);
      await reloadTab(tab);
      await waitLong(tab, `window.player?.progress`, 30_000);
      await openLesson(tab, 'handwashing', `VIEW?.shadowRoot?.querySelector('video')?.readyState >= 1`);
      expect(await evalInTab(tab, `${view}.shadowRoot.querySelector('video').currentSrc`)).to.contain('handwashing.webm');
    } finally {
      await closeProfile(tab);
    }
  });
});
