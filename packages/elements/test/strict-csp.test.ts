/**
 * LMS Kit on a page served with a strict Content Security Policy (`test/server/csp.mjs`): scripts and
 * styles from the site only, Trusted Types required. A native course, its quiz, a standalone quiz,
 * progress and a SCORM package (through the service worker) play with no violation at all.
 */
import { expect } from '@open-wc/testing';
import { closeTab, evalInTab, openTab } from '../../../test/helpers/commands.js';

/** Polls with plain evaluations: the page's CSP forbids the eval a `waitForFunction` needs. */
async function waitInTab(tab: number, expression: string, timeout: number): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!(await evalInTab<boolean>(tab, `Boolean(${expression})`))) {
    if (Date.now() > deadline) {
      const state = await evalInTab(
        tab,
        `JSON.stringify({ lesson: window.player?.currentLessonId, quiz: window.quiz?.shadowRoot?.innerHTML.slice(0, 600), violations: window.violations })`,
      );
      throw new Error(`Timed out waiting for ${expression}: ${state}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('under a strict CSP (Trusted Types, no inline style)', function () {
  this.timeout(60_000);

  it('plays a native course, a quiz and a SCORM package with zero CSP violations', async () => {
    const tab = await openTab(`/test/pages/strict-csp.html?db=csp-${Date.now()}`);
    try {
      await waitInTab(tab, `window.player?.currentLessonId === 'text' && window.quiz?.shadowRoot?.querySelector('button.start')`, 20_000);
      // The standalone quiz: start, answer every question, submit, see the result.
      await evalInTab(tab, `window.quiz.shadowRoot.querySelector('button.start').click()`);
      await waitInTab(tab, `window.quiz.shadowRoot.querySelector('input[type="radio"]')`, 5_000);
      await evalInTab(
        tab,
        `(() => {
        for (const input of window.quiz.shadowRoot.querySelectorAll('input[type="radio"][value="a"]')) input.click();
        window.quiz.shadowRoot.querySelector('button.submit').click();
      })()`,
      );
      await waitInTab(tab, `/passed|score|%/i.test(window.quiz.shadowRoot.textContent)`, 5_000);
      // The course: its quiz lesson, then the SCORM lesson, whose SCO initializes and completes.
      await evalInTab(tab, `window.player.goToLesson('quiz')`);
      await waitInTab(tab, `window.player.shadowRoot.querySelector('lms-quiz-lesson, lms-quiz')`, 10_000);
      await evalInTab(tab, `window.player.goToLesson('scorm')`);
      await waitInTab(tab, `window.API_1484_11?.isInitialized()`, 20_000);
      await evalInTab(
        tab,
        `(() => {
        window.API_1484_11.SetValue('cmi.completion_status', 'completed');
        window.API_1484_11.Commit('');
      })()`,
      );
      await waitInTab(tab, `window.player.progress?.lessons.scorm?.status === 'completed'`, 10_000);
      await new Promise((resolve) => setTimeout(resolve, 500));
      const violations = await evalInTab<string[]>(tab, 'window.violations');
      expect(violations).to.deep.equal([]);
    } finally {
      await closeTab(tab);
    }
  });
});
