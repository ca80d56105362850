import { expect } from '@open-wc/testing';
import { closeProfile, evalInTab, openTab, waitInTab } from '../../../test/helpers/commands.js';
import { demoServer } from '../../../test/helpers/server.js';

/**
 * The learner's pages of the full-stack demo (`npm run demo:server`): Jamie, signed in by the demo's
 * sign-in module, finds the course in the catalog and sees it assigned with its due date in "My learning".
 */
describe('learner demo pages (npm run demo:server)', function () {
  this.timeout(240_000);

  const shadowText = (tag: string) => `(document.querySelector('${tag}')?.shadowRoot?.textContent ?? '')`;
  // In steps under the test runner's 20 s command limit.
  const waitLong = async (tab: number, expression: string) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await waitInTab(tab, expression, 15_000);
      } catch (error) {
        if (attempt === 4) throw error;
      }
    }
  };

  it('shows the catalog and the learner dashboard on the server of record', async () => {
    const url = await demoServer();

    const catalog = await openTab(`${url}/demo/catalog.html`, { isolated: true });
    await waitLong(catalog, `document.querySelector('#who')?.textContent.includes('Jamie Rivera')`);
    await waitLong(catalog, `${shadowText('lms-catalog')}.includes('Food safety basics')`);
    expect(await evalInTab<string>(catalog, shadowText('lms-catalog'))).to.include('Food safety basics');

    const dashboard = await openTab(`${url}/demo/my-learning.html`, { isolated: true });
    await waitLong(dashboard, `${shadowText('lms-my-learning')}.includes('Food safety basics')`);
    // Assigned to the kitchen team with a due date two weeks ahead.
    expect(await evalInTab<string>(dashboard, shadowText('lms-my-learning'))).to.match(/due/i);
    for (const tab of [catalog, dashboard]) await closeProfile(tab);
  });
});
