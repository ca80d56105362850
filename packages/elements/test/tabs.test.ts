import { expect } from '@open-wc/testing';
import { DexieAdapter } from '@lms-kit/storage/dexie';
import Dexie from 'dexie';
import { closeTab, evalInTab, openTab, waitInTab } from '../../../test/helpers/commands.js';
import { LEARNER, uniqueName } from './helpers.js';

const COURSE = '/test/pages/resume-course.json';
const key = { learnerId: LEARNER, courseId: 'resume-course' };
const playerUrl = (db: string) => `/test/pages/player.html?db=${db}&src=${encodeURIComponent(COURSE)}`;
const loaded = 'window.player?.progress && window.player.currentLessonId';
const body = `window.player.shadowRoot.querySelector('.lesson-body')`;

describe('<lms-course-player> across tabs and reloads', () => {
  let db: string;
  beforeEach(() => {
    db = uniqueName('tabs');
  });
  afterEach(async () => {
    await Dexie.delete(db);
  });

  it('resumes at the last lesson and scroll position after the tab is closed, even within the save delay', async () => {
    const first = await openTab(playerUrl(db));
    await waitInTab(first, `window.player?.progress?.lessons.l1?.status === 'completed'`);
    await evalInTab(first, `window.player.goToLesson('l2')`);
    await waitInTab(first, `${body}.scrollHeight > ${body}.clientHeight * 2`);
    await evalInTab(
      first,
      `(${body}.scrollTop = (${body}.scrollHeight - ${body}.clientHeight) / 2, ${body}.dispatchEvent(new Event('scroll')))`,
    );
    // Closed at once, within the save delay: only the flush as the page goes away can save the position.
    await closeTab(first);

    // It is in IndexedDB if that write committed in time, else still in the write-ahead journal.
    const journal = JSON.parse(localStorage.getItem('lms-kit:write-journal') ?? '[]') as Array<{ position?: { scroll?: number } }>;
    const probe = new DexieAdapter({ databaseName: db });
    const committed = (await probe.getLessonState({ ...key, lessonId: 'l2' }))?.scroll;
    await probe.close();
    const saved = committed ?? journal.find((entry) => entry.position?.scroll !== undefined)?.position?.scroll;
    expect(saved).to.be.closeTo(0.5, 0.02);

    const second = await openTab(playerUrl(db));
    try {
      await waitInTab(second, `window.player.currentLessonId === 'l2'`);
      await waitInTab(second, `${body}?.scrollTop > 0`);
      const fraction = await evalInTab<number>(second, `${body}.scrollTop / (${body}.scrollHeight - ${body}.clientHeight)`);
      expect(fraction).to.be.closeTo(0.5, 0.02);
      expect(await evalInTab(second, `window.player.progress.lessons.l1.status`)).to.equal('completed');
      // The first tab's journaled writes were replayed into storage and forgotten.
      await waitInTab(second, `localStorage.getItem('lms-kit:write-journal') === null`);
    } finally {
      await closeTab(second);
    }
    const adapter = new DexieAdapter({ databaseName: db });
    expect((await adapter.getLessonState({ ...key, lessonId: 'l2' }))?.scroll).to.be.closeTo(0.5, 0.02);
    const progress = await adapter.getProgress(key);
    expect(progress?.lastLessonId).to.equal('l2');
    expect(progress?.lessons.l2.timeSpentMs, 'time of the closed tab is kept').to.be.above(0);
    await adapter.close();
  });

  it('keeps both tabs’ work when the same learner studies in two tabs at once', async () => {
    const a = await openTab(playerUrl(db));
    const b = await openTab(playerUrl(db));
    try {
      await waitInTab(a, loaded);
      await waitInTab(b, loaded);
      await Promise.all([evalInTab(a, `window.player.goToLesson('l2')`), evalInTab(b, `window.player.goToLesson('l3')`)]);
      await Promise.all([
        waitInTab(a, `window.player.progress.lessons.l2.status === 'completed'`),
        waitInTab(b, `window.player.progress.lessons.l3.status === 'completed'`),
      ]);
      // Each tab hears of the other's work over BroadcastChannel.
      await waitInTab(a, `window.player.progress.lessons.l3.status === 'completed'`);
      await waitInTab(b, `window.player.progress.lessons.l2.status === 'completed'`);
    } finally {
      await closeTab(a);
      await closeTab(b);
    }
    const adapter = new DexieAdapter({ databaseName: db });
    const progress = await adapter.getProgress(key);
    expect(
      Object.entries(progress?.lessons ?? {})
        .filter(([, l]) => l.status === 'completed')
        .map(([id]) => id)
        .sort(),
    ).to.deep.equal(['l1', 'l2', 'l3']);
    expect(progress?.timeSpentMs).to.be.above(0);
    await adapter.close();
  });

  it('shows a quota error, keeps what was stored, and saves the lost change once space is back', async function () {
    this.timeout(60_000);
    const tab = await openTab(playerUrl('quota'), { isolated: true, quotaSize: 2 * 1024 * 1024 });
    try {
      await waitInTab(tab, `window.player?.progress?.lessons.l1?.status === 'completed'`);
      await evalInTab(tab, `window.fillStorage()`);
      await evalInTab(tab, `window.player.goToLesson('l2')`);
      await waitInTab(tab, `window.errors.includes('storage/quota-exceeded')`);
      await waitInTab(tab, `window.player.shadowRoot.querySelector('[role="alert"]')?.textContent.includes('could not be saved')`);
      // The learner carries on: the page shows l2 as completed even though it is not stored yet.
      await waitInTab(tab, `window.player.progress.lessons.l2.status === 'completed'`);
      const stored = await evalInTab<Record<string, { status: string }>>(
        tab,
        `window.storage.getProgress(${JSON.stringify(key)}).then((p) => p.lessons)`,
      );
      expect(stored.l1.status).to.equal('completed');
      expect(stored.l2?.status).to.not.equal('completed');
      // Space comes back; the next save carries the change that failed.
      await evalInTab(tab, `window.freeStorage()`);
      await evalInTab(tab, `window.player.goToLesson('l3')`);
      await waitInTab(
        tab,
        `window.storage.getProgress(${JSON.stringify(key)}).then((p) => p.lessons.l2?.status === 'completed' && p.lessons.l3?.status === 'completed')`,
      );
    } finally {
      await closeTab(tab);
    }
  });
});
