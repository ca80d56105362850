import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { MemoryAdapter } from '@lms-kit/storage';
import { provideLms, registerMessages, type LmsCoursePlayer, type LmsServices } from '@lms-kit/elements';
import { learnerFromActor } from '@lms-kit/core';
import { observeStorage } from '@lms-kit/storage';
import { textCourse } from '../../../test/helpers/courses.js';
import { renderPlayer } from './helpers.js';
import '@lms-kit/elements/all';

describe('<lms-provider> and services', () => {
  it('stores progress under the learner the page names', async () => {
    const storage = new MemoryAdapter();
    await renderPlayer(textCourse('who', 1), storage);
    expect(await storage.getProgress({ learnerId: 'mailto:ada@example.com', courseId: 'who' })).to.not.equal(undefined);
    const byAccount = await fixture(
      html`<lms-provider learner-account="u-7" learner-home-page="https://hr.example.com" .storage=${storage}>
        <lms-course-player .course=${textCourse('who', 1)}></lms-course-player>
      </lms-provider>`,
    );
    const player = byAccount.querySelector('lms-course-player') as LmsCoursePlayer;
    await waitUntil(() => player.progress);
    expect(await storage.getProgress({ learnerId: 'account:https://hr.example.com|u-7', courseId: 'who' })).to.not.equal(undefined);
  });

  it('gives a page without provider IndexedDB and the same anonymous learner every time', async () => {
    const first = await fixture<LmsCoursePlayer>(html`<lms-course-player .course=${textCourse('no-provider', 2)}></lms-course-player>`);
    await waitUntil(() => first.progress?.lessons.l1.status === 'completed', 'default services', { timeout: 5000 });
    first.remove();
    const second = await fixture<LmsCoursePlayer>(html`<lms-course-player .course=${textCourse('no-provider', 2)}></lms-course-player>`);
    await waitUntil(() => second.progress?.lessons.l1.status === 'completed');
    expect(second.currentLessonId).to.equal('l1');
    const { defaultServices } = await import('@lms-kit/elements');
    const services = await defaultServices();
    expect(services.learner.anonymous).to.equal(true);
    expect(services.storage.scope).to.equal('indexeddb:lms-kit');
    expect(services.persistent).to.equal(true);
  });

  it('serves elements inside any host through provideLms()', async () => {
    const host = document.createElement('div');
    const storage = observeStorage(new MemoryAdapter());
    const services: LmsServices = { storage, learner: learnerFromActor({ mbox: 'kai@example.com' }), locale: 'en', persistent: true };
    provideLms(host, services);
    const player = document.createElement('lms-course-player') as LmsCoursePlayer;
    player.course = textCourse('hosted', 1);
    host.append(player);
    document.body.append(host);
    await waitUntil(() => player.progress?.completed);
    expect(await storage.getProgress({ learnerId: 'mailto:kai@example.com', courseId: 'hosted' })).to.not.equal(undefined);
    host.remove();
  });

  it('waits for a provider that is defined after the elements inside it', async () => {
    const storage = new MemoryAdapter();
    const wrapper = document.createElement('div');
    wrapper.innerHTML = `<lms-late-provider learner-email="late@example.com"><lms-course-player></lms-course-player></lms-late-provider>`;
    const player = wrapper.querySelector('lms-course-player') as LmsCoursePlayer;
    player.course = textCourse('late', 1);
    document.body.append(wrapper);
    const { LmsProvider } = await import('@lms-kit/elements');
    class LateProvider extends LmsProvider {}
    // A provider tag registered later (a page that loads the provider's script after the player's).
    (wrapper.firstElementChild as unknown as { storage: unknown }).storage = storage;
    customElements.define('lms-late-provider', LateProvider);
    await waitUntil(() => player.progress?.completed, 'player never got the late provider', { timeout: 5000 });
    expect(await storage.getProgress({ learnerId: 'mailto:late@example.com', courseId: 'late' })).to.not.equal(undefined);
    wrapper.remove();
  });

  it('uses the locale for every string, falls back to English, and marks course content with its own language', async () => {
    // A locale LMS Kit does not ship, registered by the page, partly translated.
    registerMessages('ko', {
      'player.next': '다음',
      'player.previous': '이전',
      'player.lessonsDone': '필수 강의 {total}개 중 {done}개 완료',
    });
    const { player, provider, root } = await renderPlayer(textCourse('ko', 2), new MemoryAdapter(), 'ko-KR');
    const buttons = [...root.querySelectorAll('.nav button')].map((b) => b.textContent?.trim());
    expect(buttons).to.deep.equal(['이전', '다음']);
    await waitUntil(() => root.querySelector('.summary')?.textContent?.includes('필수 강의 2개 중 1개 완료'));
    expect(root.querySelector('nav')?.getAttribute('aria-label'), 'untranslated ids fall back to English').to.equal('Course outline');
    expect(root.querySelector('[part="base"]')?.getAttribute('lang')).to.equal('ko');
    provider.locale = 'fr';
    await waitUntil(() => root.querySelector('.nav button:last-child')?.textContent?.trim() === 'Suivant', 'built-in French loads live');
    provider.locale = 'en';
    await waitUntil(() => root.querySelector('.nav button:last-child')?.textContent?.trim() === 'Next');
    const rtl = await renderPlayer({ ...textCourse('ar', 1), language: 'ar' });
    expect(rtl.root.querySelector('[part="base"]')?.getAttribute('dir'), 'the interface stays English').to.equal('ltr');
    expect(rtl.root.querySelector('[part="lesson-body"]')?.getAttribute('dir')).to.equal('rtl');
    expect(rtl.root.querySelector('[part="lesson-body"]')?.getAttribute('lang')).to.equal('ar');
    expect(rtl.root.querySelector('.lesson-title')?.getAttribute('lang')).to.equal('ar');
    await expect(player).to.be.accessible();
  });
});
