import { expect, waitUntil } from '@open-wc/testing';
import { closeTab, evalInTab, openTab, waitInTab } from '../../../test/helpers/commands.js';

const COURSE = '/test/pages/resume-course.json';
const playerUrl = (db: string) => `/test/pages/player.html?db=${db}&src=${encodeURIComponent(COURSE)}`;
/** The queued statements as `verb lesson`, in outbox order. */
const outbox = `window.storage.readOutbox(1000).then((entries) => entries.map((e) => e.statement.verb.display['en-US'] + ' ' + e.statement.object.id.split(':').pop()))`;
const outboxIds = `window.storage.readOutbox(1000).then((entries) => entries.map((e) => e.statement.id))`;
/** Polls the tab's outbox until it has every one of `wanted` (the tab's wait cannot await the outbox's promise). */
const outboxHas = (tab: number, ...wanted: string[]) =>
  waitUntil(
    async () => {
      const queued = await evalInTab<string[]>(tab, outbox);
      return wanted.every((statement) => queued.includes(statement));
    },
    `the outbox never had ${wanted.join(' and ')}`,
    { timeout: 15000 },
  );

describe('xAPI statements built while storage is full', () => {
  it('are held and reach the outbox, in order and once, when storage works again', async function () {
    this.timeout(60_000);
    const tab = await openTab(playerUrl('statements-quota'), { isolated: true, quotaSize: 2 * 1024 * 1024 });
    try {
      await waitInTab(tab, `window.player?.progress?.lessons.l1?.status === 'completed'`);
      await outboxHas(tab, 'completed l1');
      await evalInTab(tab, `window.fillStorage()`);
      await evalInTab(tab, `window.player.goToLesson('l2')`);
      await waitInTab(tab, `window.errors.includes('storage/quota-exceeded')`);
      await waitInTab(tab, `window.player.progress.lessons.l2.status === 'completed'`);
      await evalInTab(tab, `window.player.session.settled()`);
      // Refused by the full store, and not lost: held in this page (and its journal).
      expect(await evalInTab<string[]>(tab, outbox)).not.to.include('completed l2');
      expect(String(await evalInTab<string | null>(tab, `localStorage.getItem('lms-kit:statement-backlog')`))).to.contain('l2');

      await evalInTab(tab, `window.freeStorage()`);
      await evalInTab(tab, `window.player.goToLesson('l3')`);
      await outboxHas(tab, 'initialized l3', 'completed l3');
      const queued = await evalInTab<string[]>(tab, outbox);
      expect(queued, queued.join(', ')).to.include.members(['initialized l2', 'completed l2']);
      expect(queued.indexOf('completed l2'), 'held statements go first').to.be.below(queued.indexOf('initialized l3'));
      const ids = await evalInTab<string[]>(tab, outboxIds);
      expect(new Set(ids).size).to.equal(ids.length);
      expect(await evalInTab<string | null>(tab, `localStorage.getItem('lms-kit:statement-backlog')`)).to.equal(null);
    } finally {
      await closeTab(tab);
    }
  });
});
