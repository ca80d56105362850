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
  const tableText = (tab: number) => evalInTab<string>(tab, `document.querySelector('#area')?.textContent ?? ''`);

  it('shows the learner the course, the instructor their team and the admin the whole site', async function () {
    this.timeout(240_000);
    const url = await demoServer();

    const learner = await signIn(url, 'learner');
    await waitInTab(learner, `document.querySelector('#who')?.textContent.includes('Jamie Rivera')`, 15_000);
    // The course player runs on the server's storage and its progress reaches the server.
    // In steps under the test runner's 20 s command limit.
    const playerShown = `document.querySelector('lms-course-player')?.shadowRoot?.textContent.includes('Food safety basics')`;
    await waitInTab(learner, playerShown, 15_000).catch(() => waitInTab(learner, playerShown, 15_000));

    const instructor = await signIn(url, 'instructor');
    await waitInTab(instructor, `document.querySelector('#area table')`, 15_000);
    // Jamie's first progress write may still be on its way: ask again until it is there.
    for (let i = 0; i < 60 && !(await tableText(instructor)).includes('jamie@'); i++) {
      await evalInTab(instructor, `document.querySelector('#sign-in button[value="instructor"]').click()`);
      await waitInTab(instructor, `document.querySelector('#area table')`, 15_000);
    }
    const seenByInstructor = await tableText(instructor);
    expect(seenByInstructor).to.include('mailto:jamie@northwind-bakery.example');
    expect(seenByInstructor).to.not.include('sam@');
    expect(await evalInTab<string>(instructor, `document.querySelector('#who').textContent`)).to.include('Morgan Lee');

    const admin = await signIn(url, 'admin');
    await waitInTab(admin, `document.querySelector('#area table')`, 15_000);
    const seenByAdmin = await tableText(admin);
    expect(seenByAdmin).to.include('mailto:jamie@northwind-bakery.example');
    expect(seenByAdmin).to.include('mailto:sam@northwind-bakery.example');
    expect(seenByAdmin).to.match(/2 enrolled, 2 started, \d completed/);
    for (const tab of [learner, instructor, admin]) await closeProfile(tab);
  });
});
