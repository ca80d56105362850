import { expect } from '@open-wc/testing';
import Dexie from 'dexie';
import { DexieAdapter } from '@lms-kit/storage/dexie';
import { closeTab, evalInTab, openTab, waitInTab } from '../../../test/helpers/commands.js';
import { uniqueName } from './helpers.js';

const lessonMessage = `window.player.shadowRoot.querySelector('lms-scorm-lesson')?.shadowRoot?.querySelector('[part="message"]')?.textContent ?? ''`;

describe('the same SCO open in two tabs', () => {
  it('plays in one tab at a time: the second is told so, then resumes the first tab’s attempt once it closes', async function () {
    this.timeout(60_000);
    const db = uniqueName('sco-two-tabs');
    const url = `/test/pages/scorm-tab.html?db=${db}&src=${encodeURIComponent('/test/scorm/tab-sco/imsmanifest.xml')}`;
    let first = await openTab(url);
    let second = 0;
    try {
      await waitInTab(first, `window.API_1484_11?.isInitialized()`, 15000);
      await evalInTab(first, `(window.API_1484_11.SetValue('cmi.location', 'page-3'), window.API_1484_11.Commit(''))`);

      second = await openTab(url);
      await waitInTab(second, `(${lessonMessage}).includes('open in another tab')`, 15000);
      expect(await evalInTab(second, `!!window.API_1484_11?.isInitialized?.()`), 'no second live attempt').to.equal(false);
      // The first tab goes on; the waiting tab does not touch its data.
      await evalInTab(first, `(window.API_1484_11.SetValue('cmi.suspend_data', 'first tab'), window.API_1484_11.Commit(''))`);

      await closeTab(first);
      first = 0;
      await waitInTab(second, `window.API_1484_11?.isInitialized()`, 15000);
      expect(await evalInTab(second, `window.API_1484_11.GetValue('cmi.location')`)).to.equal('page-3');
      expect(await evalInTab(second, `window.API_1484_11.GetValue('cmi.suspend_data')`)).to.equal('first tab');
      expect(await evalInTab(second, `window.API_1484_11.GetValue('cmi.entry')`)).to.equal('resume');
    } finally {
      if (first) await closeTab(first);
      if (second) await closeTab(second);
    }
    const storage = new DexieAdapter({ databaseName: db });
    const attempts = await storage.listAttempts({ learnerId: 'mailto:ada@example.com' });
    expect(attempts, 'one attempt, shared by the tabs one after the other').to.have.length(1);
    await storage.close();
    await Dexie.delete(db);
  });
});
