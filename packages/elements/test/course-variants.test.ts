import { expect, waitUntil } from '@open-wc/testing';
import type { Course } from '@lms-kit/core';
import { importVariant } from '@lms-kit/core/authoring';
import { LEARNER, renderPlayer } from './helpers.js';

/** Language variants in the player: the learner's language with fallback to the base, each string marked with its own `lang`/`dir`. */
const DEMO = '/demo/course/food-safety.json';

describe('<lms-course-player> language variants', () => {
  it('the demo course’s variants are the ones its XLIFF files make', async () => {
    const demo = (await (await fetch(DEMO)).json()) as Course;
    const { variants, ...base } = demo;
    for (const language of ['fr', 'ar']) {
      const xliff = await (await fetch(`/demo/course/translations/food-safety.${language}.xlf`)).text();
      expect(importVariant(base as Course, xliff).course.variants?.[language]).to.deep.equal(variants?.[language]);
    }
  });

  it('provider locale "fr": French titles, English for an untranslated one, each with its own lang', async () => {
    const { player, root, storage } = await renderPlayer(DEMO, undefined, 'fr');
    const title = root.querySelector('[part="title"]')!;
    expect(title.textContent?.trim()).to.equal('Les bases de l’hygiène alimentaire');
    expect(title.getAttribute('lang')).to.equal('fr');
    const lessonTitle = (id: string) => root.querySelector(`button[data-lesson="${id}"] .lesson-title`)!;
    expect(lessonTitle('welcome').textContent).to.equal('Bienvenue en cuisine');
    expect(lessonTitle('welcome').getAttribute('lang')).to.equal('fr');
    expect(lessonTitle('allergens').textContent, 'untranslated: the base text').to.equal('The allergen chart');
    expect(lessonTitle('allergens').getAttribute('lang')).to.equal('en');
    expect(lessonTitle('allergens').getAttribute('dir')).to.equal('ltr');
    expect(root.querySelector('#module-hygiene')?.getAttribute('lang')).to.equal('fr');
    expect(root.querySelector('.lesson-title[role="heading"]')?.getAttribute('lang')).to.equal('fr');
    expect(root.querySelector('[part="lesson-body"]')?.getAttribute('lang')).to.equal('fr');
    // Progress stays under the one course id, whatever the language.
    await waitUntil(
      async () => (await storage.getProgress({ learnerId: LEARNER, courseId: 'food-safety-basics' })) !== undefined,
      'progress saved',
    );
    await expect(player).to.be.accessible();
  });

  it('provider locale "ar": Arabic titles and right-to-left content; locale "ja" (no variant) gets the base', async () => {
    const { root } = await renderPlayer(DEMO, undefined, 'ar');
    expect(root.querySelector('button[data-lesson="welcome"] .lesson-title')?.textContent).to.equal('مرحبًا بك في المطبخ');
    for (const selector of ['[part="title"]', '[part="lesson-body"]', '.lesson-title[role="heading"]', '#module-storage']) {
      expect(root.querySelector(selector)?.getAttribute('dir'), selector).to.equal('rtl');
      expect(root.querySelector(selector)?.getAttribute('lang'), selector).to.equal('ar');
    }
    const japanese = await renderPlayer(DEMO, undefined, 'ja');
    expect(japanese.root.querySelector('[part="title"]')?.textContent?.trim()).to.equal('Food safety basics');
    expect(japanese.root.querySelector('[part="title"]')?.getAttribute('lang')).to.equal('en');
  });
});
