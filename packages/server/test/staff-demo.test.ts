import { expect } from '@open-wc/testing';
import { closeProfile, evalInTab, openTab, waitInTab } from '../../../test/helpers/commands.js';
import { demoServer } from '../../../test/helpers/server.js';

/**
 * The staff demo (`npm run demo:server`) as its three users meet it, each in their own browser profile:
 * Jamie (learner) takes the course on the server's storage; Morgan (instructor of the kitchen team) sees
 * Jamie and not Sam of another team; Alex (admin) sees everyone of the site.
 */
describe('staff demo page (npm run demo:server)', function () {
  this.timeout(240_000);

  const signIn = async (url: string, as: 'learner' | 'instructor' | 'admin') => {
    const tab = await openTab(`${url}/demo/staff.html`, { isolated: true });
    await waitInTab(tab, `document.querySelector('#sign-in button[value="${as}"]')`, 15_000);
    await evalInTab(tab, `document.querySelector('#sign-in button[value="${as}"]').click()`);
    return tab;
  };
  /** The course report's text (its tables are in its shadow root). */
  const reportText = (tab: number) =>
    evalInTab<string>(tab, `document.querySelector('lms-report:not([view])')?.shadowRoot?.textContent ?? ''`);
  /** The course report's summary row, by column header: `{ Enrolled: '2', Started: '2', … }`. */
  const summary = (tab: number) =>
    evalInTab<Record<string, string> | null>(
      tab,
      `(() => {
        const root = document.querySelector('lms-report:not([view])')?.shadowRoot;
        const table = [...(root?.querySelectorAll('table') ?? [])].find((t) => [...t.querySelectorAll('th')].some((th) => th.textContent.trim() === 'Enrolled'));
        if (!table) return null;
        const heads = [...table.querySelectorAll('thead th')].map((th) => th.textContent.trim());
        const cells = [...table.querySelectorAll('tbody tr:first-child td')].map((td) => td.textContent.trim());
        return Object.fromEntries(heads.map((head, i) => [head, cells[i]]));
      })()`,
    );
  /** Waits in steps shorter than the test runner's command limit (20 s): the report loads its chart chunk first. */
  const waitLong = async (tab: number, expression: string, steps = 4) => {
    for (let i = 0; ; i++) {
      try {
        return await waitInTab(tab, expression, 15_000);
      } catch (error) {
        if (i + 1 >= steps) throw error;
      }
    }
  };
  const reportTable = `document.querySelector('lms-report:not([view])')?.shadowRoot?.querySelector('table')`;

  it('shows the learner the course, the instructor their team and the admin the whole site', async function () {
    this.timeout(240_000);
    const url = await demoServer();

    const learner = await signIn(url, 'learner');
    await waitInTab(learner, `document.querySelector('#who')?.textContent.includes('Jamie Rivera')`, 15_000);
    // The course player runs on the server's storage and its progress reaches the server.
    await waitLong(learner, `document.querySelector('lms-course-player')?.shadowRoot?.textContent.includes('Food safety basics')`);

    const instructor = await signIn(url, 'instructor');
    await waitLong(instructor, reportTable);
    // Jamie's first progress write may still be on its way: sign in again until the report has it.
    for (let i = 0; i < 60 && !(await reportText(instructor)).includes('jamie@'); i++) {
      await evalInTab(instructor, `document.querySelector('#sign-in button[value="instructor"]').click()`);
      await waitLong(instructor, reportTable);
    }
    const seenByInstructor = await reportText(instructor);
    expect(seenByInstructor).to.include('mailto:jamie@northwind-bakery.example');
    expect(seenByInstructor).to.not.include('sam@');
    expect(await evalInTab<string>(instructor, `document.querySelector('#who').textContent`)).to.include('Morgan Lee');

    const admin = await signIn(url, 'admin');
    await waitLong(admin, `${reportTable} && document.querySelector('lms-report:not([view])').shadowRoot.textContent.includes('sam@')`);
    const seenByAdmin = await reportText(admin);
    expect(seenByAdmin).to.include('mailto:jamie@northwind-bakery.example');
    expect(seenByAdmin).to.include('mailto:sam@northwind-bakery.example');
    expect(await summary(admin)).to.deep.include({ Enrolled: '2', Started: '2' });
    for (const tab of [learner, instructor, admin]) await closeProfile(tab);
  });
});
