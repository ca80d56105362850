import { expect } from '@open-wc/testing';
import Dexie from 'dexie';
import { closeTab, evalInTab, openTab, reloadTab, typeInTab, waitInTab } from '../../../test/helpers/commands.js';
import { uniqueName } from './helpers.js';

const root = `window.quiz.shadowRoot`;
const questionOrder = `[...${root}.querySelectorAll('fieldset.question')].map((f) => f.getAttribute('data-question'))`;
const choiceOrder = (id: string) => `[...${root}.querySelector('[data-question="${id}"]').querySelectorAll('input')].map((i) => i.value)`;
const checked = (id: string, value: string) => `${root}.querySelector('[data-question="${id}"] input[value="${value}"]')?.checked === true`;

describe('<lms-quiz> in two tabs', () => {
  it('opens the same unfinished attempt in another tab, answers, order and clock intact', async () => {
    const db = uniqueName('quiz-tabs');
    const first = await openTab(`/test/pages/quiz.html?db=${db}`);
    const second = { id: 0 };
    try {
      await waitInTab(first, `${root}?.querySelector('button.start')`);
      await evalInTab(first, `${root}.querySelector('button.start').click()`);
      await waitInTab(first, `${root}.querySelectorAll('fieldset.question').length === 6`);
      const order = await evalInTab<string[]>(first, questionOrder);
      const choices = await evalInTab<string[]>(first, choiceOrder('q3'));
      await evalInTab(first, `${root}.querySelector('[data-question="q3"] input[value="b"]').click()`);
      await waitInTab(first, `window.quiz.attempts[0]?.data.responses.q3?.value !== undefined`);
      const deadline = await evalInTab<string>(first, `window.quiz.attempts[0].data.deadline`);

      // The learner opens the quiz again in a second tab while the first is still open.
      second.id = await openTab(`/test/pages/quiz.html?db=${db}`);
      await waitInTab(second.id, `${root}?.querySelectorAll('fieldset.question').length === 6`);
      expect(await evalInTab(second.id, questionOrder)).to.deep.equal(order);
      expect(await evalInTab(second.id, choiceOrder('q3'))).to.deep.equal(choices);
      await waitInTab(second.id, checked('q3', 'b'));
      expect(await evalInTab(second.id, `window.quiz.attempts.length`), 'no second attempt was started').to.equal(1);
      expect(await evalInTab(second.id, `window.quiz.attempts[0].data.deadline`), 'the clock is not reset').to.equal(deadline);

      // An answer given in the second tab shows in the first.
      await evalInTab(second.id, `${root}.querySelector('[data-question="q5"] input[value="a"]').click()`);
      await waitInTab(first, checked('q5', 'a'));
    } finally {
      await closeTab(first);
      if (second.id) await closeTab(second.id);
      await Dexie.delete(db);
    }
  });

  it('loses no answer when both tabs answer the same attempt at once, and no answer flips back', async function () {
    this.timeout(60_000);
    const db = uniqueName('quiz-race');
    const url = `/test/pages/quiz.html?db=${db}&questions=16`;
    const first = await openTab(url);
    const second = { id: 0 };
    try {
      await waitInTab(first, `${root}?.querySelector('button.start')`);
      await evalInTab(first, `${root}.querySelector('button.start').click()`);
      await waitInTab(first, `${root}.querySelectorAll('fieldset.question').length === 16`);
      second.id = await openTab(url);
      await waitInTab(second.id, `${root}?.querySelectorAll('fieldset.question').length === 16`);
      // Each tab answers its half, one answer per frame, both at the same time.
      const answerHalf = (parity: number) =>
        `(async () => { for (let i = 1 + ${parity}; i <= 16; i += 2) { ${root}.querySelector('[data-question="q' + i + '"] input[value="a"]').click(); await new Promise((r) => requestAnimationFrame(r)); } })()`;
      await Promise.all([evalInTab(first, answerHalf(0)), evalInTab(second.id, answerHalf(1))]);
      const all = Array.from({ length: 16 }, (_, i) => checked(`q${i + 1}`, 'a')).join(' && ');
      await waitInTab(first, all, 15_000);
      await waitInTab(second.id, all, 15_000);
      await evalInTab(first, `window.quiz.session.settled()`);
      await evalInTab(second.id, `window.quiz.session.settled()`);
      const stored = `window.quiz.session.attempts[0].data.responses`;
      expect(Object.keys(await evalInTab<object>(first, stored))).to.have.length(16);
      // Read back from storage in a fresh tab: every answer was stored.
      const third = await openTab(url);
      try {
        await waitInTab(third, `${root}?.querySelectorAll('fieldset.question').length === 16`);
        await waitInTab(third, all, 15_000);
      } finally {
        await closeTab(third);
      }
      // The first tab still shows the second tab's answers (nothing flipped back).
      expect(await evalInTab(first, all)).to.equal(true);
    } finally {
      await closeTab(first);
      if (second.id) await closeTab(second.id);
      await Dexie.delete(db);
    }
  });

  it('keeps an answer typed but not yet left (no change event) through a reload', async function () {
    this.timeout(60_000);
    const db = uniqueName('quiz-typing');
    const tab = await openTab(`/test/pages/quiz.html?db=${db}&quiz=typing`);
    const blank = `${root}.querySelector('[data-question="danger-zone"] input')`;
    try {
      await waitInTab(tab, `${root}?.querySelector('button.start')`);
      await evalInTab(tab, `${root}.querySelector('button.start').click()`);
      await waitInTab(tab, `${blank}`);
      await evalInTab(tab, `${blank}.focus()`);
      await typeInTab(tab, '5');
      // Reloaded at once, the field still focused: no blur, no change event, within the typing pause.
      await reloadTab(tab);
      await waitInTab(tab, `${blank}?.value === '5'`);
      expect(await evalInTab(tab, `window.quiz.session.current.data.responses['danger-zone'].value[0]`)).to.equal('5');
    } finally {
      await closeTab(tab);
      await Dexie.delete(db);
    }
  });
});
