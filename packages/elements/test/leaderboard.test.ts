import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { awardId, type PointsAward } from '@lms-kit/core';
import { MemoryAdapter, type StoredRecord } from '@lms-kit/storage';
import { HttpStorageAdapter } from '@lms-kit/storage/http';
import type { LmsLeaderboard, LmsProvider } from '@lms-kit/elements';
import { call, freshTenant, lmsServer, tokenFor } from '../../../test/helpers/server.js';
import '@lms-kit/elements/all';

const text = (el: Element) => el.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '';
const learner = (n: string) => `mailto:${n}@example.com`;

function award(who: string, source: string, points: number, awardedAt = new Date().toISOString()): PointsAward & StoredRecord {
  const learnerId = learner(who);
  return { id: awardId(learnerId, 'lesson-completed', source), learnerId, reason: 'lesson-completed', source, points, awardedAt };
}

async function render(storage: unknown, who: string): Promise<LmsLeaderboard> {
  const provider = await fixture<LmsProvider>(
    html`<lms-provider learner-email=${`${who}@example.com`} learner-name=${who.toUpperCase()} locale="en" .storage=${storage}>
      <lms-leaderboard period="all"></lms-leaderboard>
    </lms-provider>`,
  );
  const board = provider.querySelector('lms-leaderboard') as LmsLeaderboard;
  await waitUntil(() => customElements.get('lms-leaderboard') && text(board).trim() && !text(board).includes('Loading'), 'not loaded', {
    timeout: 15000,
  });
  return board;
}

/** Rows of a table as [rank, name, points]. */
const rows = (table: Element | null | undefined) =>
  [...(table?.querySelectorAll('tbody tr') ?? [])].map((tr) => [...tr.children].map((cell) => cell.textContent!.trim()));

describe('<lms-leaderboard>', function () {
  this.timeout(60_000);

  it('shows the local learner alone on browser storage, says so, and changes period from the keyboard', async () => {
    const storage = new MemoryAdapter();
    await storage.putRecord('points', award('ada', 'c1/l1', 30));
    await storage.putRecord('points', award('ada', 'c1/l0', 12, '2020-01-06T10:00:00.000Z'));
    const board = await render(storage, 'ada');
    expect(text(board)).to.contain('Only you are shown');
    expect(rows(board.shadowRoot!.querySelector('table'))).to.deep.equal([['1', 'ADA (you)', '42']]);
    expect(board.shadowRoot!.querySelector('tr[aria-current="true"]')?.getAttribute('part')).to.equal('you');
    expect(board.shadowRoot!.querySelector('form'), 'opting in needs a server').to.equal(null);
    await expect(board).to.be.accessible();

    // The period select is a native control: focus it and pick "This week" with the keyboard.
    board.shadowRoot!.querySelector('select')!.focus();
    await sendKeys({ press: 'Home' });
    await waitUntil(() => board.period === 'week', `period ${board.period}`);
    await waitUntil(() => rows(board.shadowRoot!.querySelector('table'))[0]?.[2] === '30', text(board));
  });

  describe('on a server', () => {
    let base: string;
    before(async function () {
      this.timeout(180_000);
      [base] = await lmsServer('postgres');
    });

    it('says when the tenant has the leaderboard off', async () => {
      const tenant = freshTenant('board-off');
      const board = await render(new HttpStorageAdapter({ endpoint: base, token: await tokenFor({ sub: learner('ada'), tenant }) }), 'ada');
      expect(text(board)).to.contain('The leaderboard is turned off on this site.');
      await expect(board).to.be.accessible();
    });

    it('ranks opted-in learners, highlights "you" among the learners nearby, and opts in by keyboard', async () => {
      const tenant = freshTenant('board');
      const admin = await tokenFor({ sub: learner('admin'), tenant, roles: ['admin'] });
      await call(base, admin, 'PUT', '/v1/tenant/settings', { leaderboard: { enabled: true } });
      for (const [who, points] of [
        ['bo', 80],
        ['cy', 80],
        ['di', 50],
      ] as const) {
        const storage = new HttpStorageAdapter({
          endpoint: base,
          token: await tokenFor({ sub: learner(who), tenant, name: who.toUpperCase() }),
        });
        await storage.putRecord('points', award(who, 'c1/l1', points));
        await storage.leaderboard.setMembership(true);
      }
      const ada = new HttpStorageAdapter({ endpoint: base, token: await tokenFor({ sub: learner('ada'), tenant, name: 'ADA' }) });
      await ada.putRecord('points', award('ada', 'c1/l1', 20));

      const board = await render(ada, 'ada');
      const [top, nearby] = board.shadowRoot!.querySelectorAll('table');
      expect(top.querySelector('caption')!.textContent!.trim()).to.equal('Top learners');
      expect(rows(top)).to.deep.equal([
        ['1', 'BO', '80'],
        ['1', 'CY', '80'],
        ['3', 'DI', '50'],
      ]);
      expect(rows(nearby)).to.deep.equal([
        ['1', 'CY', '80'],
        ['3', 'DI', '50'],
        ['4', 'ADA (you)', '20'],
      ]);
      expect(nearby.querySelector('[aria-current="true"]')?.textContent).to.contain('ADA (you)');
      expect(text(board)).to.contain('Others do not see you until you choose to be shown.');
      await expect(board).to.be.accessible();

      // Keyboard: tick "Show me", tab to the name, type a pseudonym, tab to Save and press Enter.
      board.shadowRoot!.querySelector<HTMLInputElement>('input[name="opt-in"]')!.focus();
      await sendKeys({ press: 'Space' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ type: 'Rye Queen' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => text(board).includes('Saved.'), text(board), { timeout: 15000 });
      await waitUntil(() => rows(board.shadowRoot!.querySelector('table')).some((r) => r[1] === 'Rye Queen (you)'), text(board), {
        timeout: 15000,
      });
      expect(await ada.leaderboard.membership()).to.deep.equal({ optedIn: true, pseudonym: 'Rye Queen' });
      // Others see the pseudonym, never the name.
      const bo = new HttpStorageAdapter({ endpoint: base, token: await tokenFor({ sub: learner('bo'), tenant, name: 'BO' }) });
      const seen = await bo.leaderboard.read();
      expect(seen.enabled && seen.top.map((r) => r.name)).to.deep.equal(['BO', 'CY', 'DI', 'Rye Queen']);
    });
  });
});
