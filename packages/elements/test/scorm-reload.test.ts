import { expect } from '@open-wc/testing';
import Dexie from 'dexie';
import { closeTab, evalInTab, openTab, reloadTab, waitInTab } from '../../../test/helpers/commands.js';
import { uniqueName } from './helpers.js';

/** The part the content frame shows (`?part=` of the item), read in the tab. */
const partShown = `window.player.shadowRoot.querySelector('lms-scorm-lesson')?.shadowRoot?.querySelector('iframe')?.contentDocument?.getElementById('part')?.textContent ?? ''`;
const running = `!!window.API_1484_11?.isInitialized() && !window.API_1484_11.isTerminated()`;
const nextOffered = `[...window.player.shadowRoot.querySelectorAll('[part="nav"] button')].some((b) => b.textContent.trim() === 'Next' && !b.disabled)`;
const clickNext = `[...window.player.shadowRoot.querySelectorAll('[part="nav"] button')].find((b) => b.textContent.trim() === 'Next').click()`;

describe('a sequenced package without choice, reloaded', function () {
  this.timeout(90_000);

  it('resumes the activity the learner was in, and Next goes on from it', async () => {
    const db = uniqueName('scorm-reload');
    const tab = await openTab(`/test/pages/scorm-tab.html?db=${db}&src=${encodeURIComponent('/__zip/test/scorm/sequenced.zip')}`);
    try {
      await waitInTab(tab, `${running} && (${partShown}) === 'Part 1'`, 15000);
      await evalInTab(tab, `(window.API_1484_11.SetValue('cmi.completion_status', 'completed'), window.API_1484_11.Commit(''))`);
      await waitInTab(tab, nextOffered, 15000);
      await evalInTab(tab, clickNext);
      await waitInTab(tab, `${running} && (${partShown}) === 'Part 2' && window.player.currentLessonId === 'two'`, 15000);
      await evalInTab(tab, `(window.API_1484_11.SetValue('cmi.location', 'p2'), window.API_1484_11.Commit(''))`);

      for (const round of [1, 2]) {
        await reloadTab(tab);
        // Every item is locked in a package without choice: only the engine's delivery opens one.
        await waitInTab(tab, `${running} && (${partShown}) === 'Part 2' && window.player.currentLessonId === 'two'`, 15000).catch(
          async () => {
            const state = await evalInTab<string>(
              tab,
              `JSON.stringify({ lesson: window.player.currentLessonId, shown: ${partShown}, errors: window.errors })`,
            );
            throw new Error(`reload ${round}: the activity was not resumed (${state})`);
          },
        );
        expect(await evalInTab(tab, `window.API_1484_11.GetValue('cmi.location')`), `reload ${round}`).to.equal('p2');
        await waitInTab(tab, nextOffered, 15000);
      }

      await evalInTab(tab, `(window.API_1484_11.SetValue('cmi.completion_status', 'completed'), window.API_1484_11.Commit(''))`);
      await evalInTab(tab, clickNext);
      await waitInTab(tab, `${running} && (${partShown}) === 'Part 3' && window.player.currentLessonId === 'three'`, 15000);
      expect(await evalInTab<string[]>(tab, 'window.errors')).to.deep.equal([]);
    } finally {
      await closeTab(tab);
    }
    await Dexie.delete(db);
  });
});
