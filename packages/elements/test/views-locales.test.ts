import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { PSEUDO_LOCALE } from '@lms-kit/elements';
import { screenshot } from '../../../test/helpers/commands.js';
import { galleryElement } from './element-gallery.js';
import { clippedLabels, deepElements, interfaceText, outsideBrackets } from './ui-text.js';
import { VIEW_ELEMENTS, renderViews } from './views-gallery.js';

/**
 * Values that are data, not interface text: learner ids (IRIs, mailto:) and what `Intl` formats
 * (dates, short durations), which has no pseudo-locale of its own and falls back to English.
 */
const isData = (text: string) =>
  /^[a-z][\w+.-]*:\S+$/.test(text) || /^\d+(?:[.,]\d+)? (?:s|sec|min|h|hr)$/.test(text) || !Number.isNaN(Date.parse(text));

/** Whatever sticks out of its box (the elements' own boxes, not scrolling regions). */
function overflowing(root: ShadowRoot): string[] {
  const problems: string[] = [];
  for (const el of deepElements(root)) {
    if (el.getClientRects().length === 0 || getComputedStyle(el).display === 'inline') continue;
    const style = getComputedStyle(el);
    if (/auto|scroll/.test(style.overflowX) || el.localName === 'iframe' || el.localName === 'canvas') continue;
    if (el.scrollWidth > el.clientWidth + 1 && style.overflowX !== 'visible')
      problems.push(`<${el.localName} part="${el.getAttribute('part') ?? ''}"> ${el.scrollWidth} in ${el.clientWidth}`);
  }
  return problems;
}

/** The management and engagement views and the embed lesson in Arabic, Hebrew and the pseudo-locale. */
describe('views in right-to-left and pseudo-locales', function () {
  this.timeout(120_000);
  before(() => setViewport({ width: 1100, height: 900 }));

  for (const locale of ['ar', 'he']) {
    it(`${locale}: each view is laid out right to left, nothing overflows, numbers stay left to right`, async () => {
      const provider = await renderViews(locale);
      const problems: string[] = [];
      for (const name of VIEW_ELEMENTS) {
        const element = galleryElement(provider, name);
        const base = element.shadowRoot!.querySelector('[part~="base"]')!;
        expect(base.getAttribute('lang'), name).to.equal(locale);
        expect(base.getAttribute('dir'), name).to.equal('rtl');
        expect(getComputedStyle(base).direction, name).to.equal('rtl');
        const inside = element.getBoundingClientRect();
        const right = base.getBoundingClientRect();
        expect(right.right, `${name} starts on the right`).to.be.closeTo(inside.right, 1);
        problems.push(...overflowing(element.shadowRoot!).map((p) => `${name}: ${p}`));
        await screenshot(`[data-gallery="${name}"]`, `${locale}-${name}`, 'locales');
      }
      expect(problems, 'overflow').to.deep.equal([]);
      // Direction arrows mirror; numbers (counts, scores, dates) are isolated so that they read left to right.
      for (const name of VIEW_ELEMENTS)
        for (const arrow of galleryElement(provider, name).shadowRoot!.querySelectorAll('.direction-arrow'))
          expect(getComputedStyle(arrow).transform, `${name}: arrow mirrored`).to.equal('matrix(-1, 0, 0, 1, 0, 0)');
      const catalogText = galleryElement(provider, 'lms-catalog').shadowRoot!.textContent!;
      expect(catalogText, 'due dates are isolated, so that they read left to right').to.match(/\u2068[^\u2069]*[0-9٠-٩][^\u2069]*\u2069/);
      provider.remove();
    });
  }

  it('en-XA: every view shows only translated strings, and no label is clipped', async () => {
    const provider = await renderViews(PSEUDO_LOCALE);
    const untranslated: string[] = [];
    const clipped: string[] = [];
    for (const name of VIEW_ELEMENTS) {
      const element = galleryElement(provider, name);
      const texts = interfaceText(element, PSEUDO_LOCALE);
      expect(texts.length, `${name} shows interface text`).to.be.greaterThan(0);
      expect(texts.join(' '), `${name} is in the pseudo-locale`).to.match(/\[[^\]]*[àéîöû]/);
      for (const text of texts) if (!isData(text) && /[A-Za-z]{2,}/.test(outsideBrackets(text))) untranslated.push(`${name}: “${text}”`);
      clipped.push(...clippedLabels(name, element, PSEUDO_LOCALE));
    }
    expect(untranslated, 'strings outside the messages').to.deep.equal([]);
    expect(clipped, 'labels cut off').to.deep.equal([]);
    provider.remove();
  });
});
