import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { screenshot } from '../../../test/helpers/commands.js';
import { GALLERY_ELEMENTS, galleryElement, renderGallery } from './element-gallery.js';

const rect = (element: Element | null | undefined) => element!.getBoundingClientRect();

/**
 * Every element in Arabic and Hebrew: screenshots kept under test-results/locales/ for people to
 * look at, and the layout facts that make right-to-left right, asserted.
 */
describe('right-to-left', function () {
  this.timeout(90_000);
  before(() => setViewport({ width: 1100, height: 900 }));

  for (const locale of ['ar', 'he']) {
    it(`${locale}: every element is laid out right to left, with its screenshot`, async () => {
      const provider = await renderGallery(locale);
      for (const name of GALLERY_ELEMENTS) {
        const element = galleryElement(provider, name);
        const base = element.shadowRoot!.querySelector('[part~="base"]')!;
        expect(base.getAttribute('lang'), name).to.equal(locale);
        expect(base.getAttribute('dir'), name).to.equal('rtl');
        expect(getComputedStyle(base).direction, name).to.equal('rtl');
        const path = await screenshot(`[data-gallery="${name}"]`, `${locale}-${name}`, 'locales');
        expect(path).to.equal(`test-results/locales/${locale}-${name}.png`);
      }

      const player = galleryElement(provider, 'lms-course-player').shadowRoot!;
      const previous = player.querySelector('.nav .previous');
      const next = player.querySelector('.nav .next');
      expect(rect(next).right, 'Next is on the left, where right-to-left reading goes on').to.be.lessThan(rect(previous).left);
      expect(rect(player.querySelector('[part="outline"]')).left, 'the outline is on the right (inline start)').to.be.greaterThan(
        rect(player.querySelector('[part="lesson"]')).left,
      );
      const arrow = next!.querySelector('.direction-arrow')!;
      expect(getComputedStyle(arrow).transform, 'the Next arrow is mirrored').to.equal('matrix(-1, 0, 0, 1, 0, 0)');
      expect(rect(arrow).left, 'the arrow follows the word').to.be.lessThan(rect(next!.firstChild ? next : arrow).right);
      const position = player.querySelector('.position')!.textContent!;
      expect(position, 'numbers are isolated in the right-to-left sentence').to.match(/\u2068\d+\u2069/);

      const bar = galleryElement(provider, 'lms-course-player').shadowRoot!.querySelector('[part="progress-bar"] > div')!;
      expect(rect(bar).right, 'the progress bar fills from the right').to.be.closeTo(rect(bar.parentElement).right, 1);

      const course = player.querySelector('[part="lesson-body"]')!;
      expect(course.getAttribute('lang'), 'course content keeps its language').to.equal('el');
      expect(getComputedStyle(course).direction).to.equal('ltr');
      provider.remove();
    });
  }

  it('en: the same layout facts mirror back in left-to-right', async () => {
    const provider = await renderGallery('en');
    const player = galleryElement(provider, 'lms-course-player').shadowRoot!;
    expect(rect(player.querySelector('.nav .next')).left).to.be.greaterThan(rect(player.querySelector('.nav .previous')).right);
    expect(getComputedStyle(player.querySelector('.nav .next .direction-arrow')!).transform).to.equal('none');
    await screenshot('[data-gallery="lms-course-player"]', 'en-lms-course-player', 'locales');
    provider.remove();
  });
});
