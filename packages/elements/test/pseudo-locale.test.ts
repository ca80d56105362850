import { expect } from '@open-wc/testing';
import { PSEUDO_LOCALE } from '@lms-kit/elements';
import { GALLERY_ELEMENTS, galleryElement, renderGallery } from './element-gallery.js';
import { clippedLabels, interfaceText, outsideBrackets } from './ui-text.js';

/**
 * The pseudo-locale (`en-XA`: accented, about 40 % longer, bracketed) finds strings that bypass the
 * messages (they stay plain English, outside brackets) and labels too tight for longer languages.
 */
describe('pseudo-locale', function () {
  this.timeout(60_000);

  it('every element shows only translated strings, and no label is clipped', async () => {
    const provider = await renderGallery(PSEUDO_LOCALE);
    const untranslated: string[] = [];
    const clipped: string[] = [];
    for (const name of GALLERY_ELEMENTS) {
      const element = galleryElement(provider, name);
      const texts = interfaceText(element, PSEUDO_LOCALE);
      expect(texts.length, `${name} shows interface text`).to.be.greaterThan(0);
      expect(texts.join(' '), `${name} is in the pseudo-locale`).to.match(/\[[^\]]*[àéîöû]/);
      for (const text of texts) if (/[A-Za-z]{2,}/.test(outsideBrackets(text))) untranslated.push(`${name}: “${text}”`);
      clipped.push(...clippedLabels(name, element, PSEUDO_LOCALE));
    }
    const player = galleryElement(provider, 'lms-course-player').shadowRoot!;
    expect(player.querySelector('.nav .next')?.textContent?.trim()).to.match(/^\[Ñéẋţ ƥ/);
    expect(interfaceText(galleryElement(provider, 'lms-course-player'), PSEUDO_LOCALE).join(' ')).to.include('[Ļéššöñ 1 öƒ 3');
    expect(outsideBrackets('[Ñéẋţ [Ļéššöñ]] Next'), 'the check sees an English word left over').to.equal('  Next');
    expect(untranslated, 'strings outside the messages').to.deep.equal([]);
    expect(clipped, 'labels cut off').to.deep.equal([]);
  });
});
