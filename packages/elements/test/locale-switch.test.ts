import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { MemoryAdapter } from '@lms-kit/storage';
import type { LmsCoursePlayer } from '@lms-kit/elements';
import { textCourse } from '../../../test/helpers/courses.js';
import { GALLERY_ELEMENTS, galleryElement, renderGallery } from './element-gallery.js';
import '@lms-kit/elements/all';
// <lms-progress> loads when its tag appears; these tests read it as soon as it is in the page.
import '@lms-kit/elements/define/lms-progress';

const next = (player: Element) => player.shadowRoot?.querySelector('.nav .next')?.textContent?.trim();

describe('interface language', function () {
  this.timeout(60_000);

  it('switching the provider locale re-renders every element live, in the new language and direction', async () => {
    const provider = await renderGallery('en');
    const player = galleryElement(provider, 'lms-course-player');
    expect(next(player)).to.equal('Next');
    for (const [locale, word, dir] of [
      ['fr', 'Suivant', 'ltr'],
      ['ar', 'التالي', 'rtl'],
      ['en', 'Next', 'ltr'],
    ]) {
      provider.locale = locale;
      await waitUntil(() => next(player) === word, `${locale} did not reach the player`, { timeout: 10_000 });
      await waitUntil(
        () =>
          GALLERY_ELEMENTS.every((name) => {
            const base = galleryElement(provider, name).shadowRoot?.querySelector('[part~="base"]');
            return base?.getAttribute('lang') === locale && base.getAttribute('dir') === dir;
          }),
        `every element in ${locale}`,
        { timeout: 10_000 },
      );
    }
    const progress = galleryElement(provider, 'lms-progress');
    provider.locale = 'de';
    await waitUntil(() => progress.shadowRoot?.textContent?.includes('Ihr Fortschritt'), 'progress in German', { timeout: 10_000 });
    provider.remove();
  });

  it('without a provider locale, follows the closest lang, then the document’s, and their changes', async () => {
    const page = await fixture<HTMLDivElement>(
      html`<div lang="es">
        <lms-provider .storage=${new MemoryAdapter()}
          ><lms-course-player .course=${textCourse('lang', 2)}></lms-course-player
        ></lms-provider>
      </div>`,
    );
    const player = page.querySelector('lms-course-player') as LmsCoursePlayer;
    await waitUntil(() => next(player) === 'Siguiente', 'the ancestor’s lang', { timeout: 10_000 });
    page.removeAttribute('lang');
    const documentLang = document.documentElement.lang;
    document.documentElement.lang = 'ja';
    try {
      await waitUntil(() => next(player) === '次へ', 'the document’s lang', { timeout: 10_000 });
      document.documentElement.lang = 'pt-PT';
      await waitUntil(() => next(player) === 'Próxima', 'the closest locale of the same language', { timeout: 10_000 });
    } finally {
      document.documentElement.lang = documentLang;
    }
    page.remove();
  });
});
