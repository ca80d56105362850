/**
 * Packages whose launch URL is a script URL, played as a learner would: nothing may run in the host
 * page. Each package sets `window.hostileRan` if its script ever runs here (frames loading a
 * `javascript:` URL run it with the host's origin).
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { configureServiceWorker } from '@lms-kit/scorm';
import { MemoryAdapter } from '@lms-kit/storage';
import type { LmsCoursePlayer, LmsProvider } from '@lms-kit/elements';
import { TEST_SERVICE_WORKER, addServiceWorkerMeta } from './scorm-helpers.js';
import '@lms-kit/elements/all';

type HostileWindow = Window & { hostileRan?: string };

describe('script URLs in packages', function () {
  this.timeout(30_000);
  before(() => configureServiceWorker(TEST_SERVICE_WORKER));
  afterEach(() => delete (window as HostileWindow).hostileRan);

  for (const folder of ['hostile-launch', 'hostile-base']) {
    it(`a SCORM package whose launch resolves to javascript: (${folder}) runs nothing in the host and says why`, async () => {
      const errors: string[] = [];
      const provider = await fixture<LmsProvider>(
        html`<lms-provider learner-email="ada@example.com" .storage=${new MemoryAdapter()}
          ><lms-course-player
            src=${new URL(`/test/scorm/${folder}/imsmanifest.xml`, location.href).href}
            @lms-error=${(event: CustomEvent<{ error: { code: string } }>) => errors.push(event.detail.error.code)}
          ></lms-course-player
        ></lms-provider>`,
      );
      const player = provider.querySelector('lms-course-player') as LmsCoursePlayer;
      await waitUntil(() => errors.length > 0 || player.shadowRoot?.querySelector('lms-scorm-lesson'), 'the player did nothing', {
        timeout: 10_000,
      });
      // Give a frame every chance to load and run what it was given.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect((window as HostileWindow).hostileRan).to.equal(undefined);
      expect(errors).to.include('package/invalid-manifest');
    });
  }

  it('a cmi5 course whose AU URL is javascript: runs nothing in the host and says why', async () => {
    const meta = addServiceWorkerMeta();
    try {
      const errors: string[] = [];
      await fixture<LmsProvider>(
        html`<lms-provider learner-email="ada@example.com" database=${`hostile-${Date.now()}`}
          ><lms-course-player
            src="/test/pages/cmi5-hostile/cmi5.xml"
            @lms-error=${(event: CustomEvent<{ error: { code: string } }>) => errors.push(event.detail.error.code)}
          ></lms-course-player
        ></lms-provider>`,
      );
      await waitUntil(() => errors.length > 0, 'the course was not refused', { timeout: 10_000 });
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect((window as HostileWindow).hostileRan).to.equal(undefined);
      expect(errors).to.include('cmi5/invalid-course');
    } finally {
      meta.remove();
    }
  });
});
