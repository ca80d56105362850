import { expect } from '@open-wc/testing';
import { closeProfile, evalInTab, openTab, waitInTab } from '../../../test/helpers/commands.js';
import { demoServer } from '../../../test/helpers/server.js';

/**
 * The staff demo (`npm run demo:server`) as its three users meet it, each in their own browser profile:
 * Jamie (learner) takes the course on the server's storage and may not read the team report; Morgan
 * (instructor of the kitchen team) reads `<lms-report>` for that group and grades Jamie's seeded essay in
 * `<lms-grading>`; Alex (admin) sees everyone of the site and filters by group.
 */
describe('staff demo page (npm run demo:server)', function () {
  this.timeout(300_000);

  const signIn = async (url: string, as: 'learner' | 'instructor' | 'admin') => {
    const tab = await openTab(`${url}/demo/staff.html`, { isolated: true });
    await waitInTab(tab, `document.querySelector('#sign-in button[value="${as}"]')`, 15_000);
    await evalInTab(tab, `document.querySelector('#sign-in button[value="${as}"]').click()`);
    return tab;
  };
  /** Waits in steps shorter than the test runner's command limit (20 s): the report loads its chunk and uPlot first. */
  const waitLong = async (tab: number, expression: string, steps = 6) => {
    for (let i = 0; ; i++) {
      try {
        return await waitInTab(tab, expression, 15_000);
      } catch (error) {
        if (i + 1 >= steps) throw error;
      }
    }
  };
  const report = `document.querySelector('lms-report')`;
  const reportText = (tab: number) => evalInTab<string>(tab, `(${report}?.shadowRoot?.textContent ?? '').replace(/\\s+/g, ' ')`);
  /** The totals row of the course report by column header: `{ Enrolled: '2', Started: '2', … }`. */
  const totals = (tab: number) =>
    evalInTab<Record<string, string> | null>(
      tab,
      `(() => {
        const table = [...(${report}?.shadowRoot?.querySelectorAll('table') ?? [])].find((t) => t.caption?.textContent.includes('Totals'));
        if (!table) return null;
        const heads = [...table.querySelectorAll('thead th')].map((th) => th.textContent.trim());
        const cells = [...table.querySelectorAll('tbody tr:first-child > *')].map((td) => td.textContent.trim());
        return Object.fromEntries(heads.map((head, i) => [head, cells[i]]));
      })()`,
    );
  /** Loads the report again until `expression` (over its text `t`) holds: progress writes may still be on their way. */
  const reloadUntil = async (tab: number, expression: string) => {
    for (let i = 0; i < 40; i++) {
      if (await evalInTab<boolean>(tab, `((t) => ${expression})((${report}?.shadowRoot?.textContent ?? '').replace(/\\s+/g, ' '))`)) return;
      await evalInTab(tab, `${report}.load()`);
      await waitLong(tab, `${report}.shadowRoot.querySelector('table') || ${report}.shadowRoot.textContent.includes('No data yet')`);
    }
    throw new Error(`The report never showed ${expression}: ${await reportText(tab)}`);
  };
  /** Every chart drawn (a canvas hidden from assistive technology) and its data in a table of the report. */
  const chartsWithTables = `(() => {
    const root = ${report}.shadowRoot;
    const figures = [...root.querySelectorAll('figure[part="chart"]')];
    return figures.length > 0 && figures.every((f) => {
      const chart = f.querySelector('.chart[aria-hidden="true"]');
      return chart?.querySelector('canvas') && root.querySelector('table#table-' + chart.dataset.chart + ', [role="table"]#table-' + chart.dataset.chart);
    });
  })()`;

  it('learner: the course, and the team report is not available for the role', async function () {
    const url = await demoServer();
    const learner = await signIn(url, 'learner');
    await waitInTab(learner, `document.querySelector('#who')?.textContent.includes('Jamie Rivera')`, 15_000);
    // The course player runs on the server's storage and its progress reaches the server.
    await waitLong(learner, `document.querySelector('lms-course-player')?.shadowRoot?.textContent.includes('Food safety basics')`);
    await waitLong(learner, `${report}?.shadowRoot?.textContent.includes('Not available for your role')`);
    expect(await evalInTab<boolean>(learner, `!${report}.shadowRoot.querySelector('table')`)).to.equal(true);
    await closeProfile(learner);
  });

  it('instructor: the kitchen team’s report with charts and their tables, CSV, and the seeded essay graded', async function () {
    const url = await demoServer();
    // Jamie opens the course once, so the kitchen team has progress on the server.
    const learner = await signIn(url, 'learner');
    await waitLong(learner, `document.querySelector('lms-course-player')?.shadowRoot?.textContent.includes('Food safety basics')`);

    const instructor = await signIn(url, 'instructor');
    await waitLong(instructor, `${report}?.shadowRoot?.querySelector('[part="filters"]')`);
    await reloadUntil(instructor, `t.includes('mailto:jamie@northwind-bakery.example')`);
    const seen = await reportText(instructor);
    expect(seen, 'only the kitchen team').to.not.include('sam@');
    expect(await evalInTab<string>(instructor, `${report}.shadowRoot.querySelector('#f-group').value`)).to.equal('kitchen');
    expect(await totals(instructor)).to.deep.include({ Enrolled: '1', Started: '1' });
    await waitLong(instructor, chartsWithTables);

    // CSV of the learners' table: UTF-8 BOM, localized header, Jamie's row.
    const csv = await evalInTab<string>(instructor, `${report}.csv('learners')`);
    expect(csv.charCodeAt(0)).to.equal(0xfeff);
    expect(csv.split('\r\n')[0]).to.include('Learner');
    expect(csv).to.include('mailto:jamie@northwind-bakery.example');
    expect(csv).to.not.include('sam@');

    // The grading queue holds Jamie's seeded essay: points, feedback, save.
    const grading = `document.querySelector('lms-grading')`;
    await waitLong(instructor, `${grading}?.shadowRoot?.querySelector('[part="task"]')?.textContent.includes('Cooling food')`);
    await evalInTab(
      instructor,
      `(() => {
        const task = ${grading}.shadowRoot.querySelector('[part="task"]');
        const points = task.querySelector('input[type="number"]');
        points.value = '1';
        points.dispatchEvent(new Event('input', { bubbles: true }));
        const feedback = task.querySelector('textarea');
        feedback.value = 'Right: the danger zone and bacteria, well put.';
        feedback.dispatchEvent(new Event('input', { bubbles: true }));
        task.querySelector('[part="save"]').click();
      })()`,
    );
    await waitLong(instructor, `${grading}.shadowRoot.textContent.includes('Grade saved.')`);
    await waitLong(instructor, `${grading}.shadowRoot.textContent.includes('No answers are waiting for a grade.')`);
    for (const tab of [learner, instructor]) await closeProfile(tab);
  });

  it('admin: the whole site, then the report filtered to a group', async function () {
    const url = await demoServer();
    const admin = await signIn(url, 'admin');
    await waitLong(admin, `${report}?.shadowRoot?.querySelector('table')`);
    await reloadUntil(admin, `t.includes('mailto:sam@northwind-bakery.example') && t.includes('mailto:jamie@northwind-bakery.example')`);
    expect(await totals(admin)).to.deep.include({ Enrolled: '2', Started: '2' });
    await waitLong(admin, chartsWithTables);

    // Filter by group in the report's own form: Sam (of no group) drops out, the totals follow.
    await evalInTab(
      admin,
      `(() => {
        const root = ${report}.shadowRoot;
        root.querySelector('#f-group').value = 'kitchen';
        root.querySelector('[part="filters"]').requestSubmit();
      })()`,
    );
    await waitLong(
      admin,
      `${report}.group === 'kitchen' && ${report}.shadowRoot.querySelector('table') && !${report}.shadowRoot.textContent.includes('sam@')`,
    );
    expect(await totals(admin)).to.deep.include({ Enrolled: '1', Started: '1' });
    expect(await reportText(admin)).to.include('mailto:jamie@northwind-bakery.example');
    await closeProfile(admin);
  });
});
