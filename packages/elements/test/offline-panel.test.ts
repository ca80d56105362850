import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { MemoryAdapter } from '@lms-kit/storage';
import type { LmsCoursePlayer, LmsProvider } from '@lms-kit/elements';
import '@lms-kit/elements/all';
import { uniqueName } from './helpers.js';

/** The offline panel as a learner meets it on a page that has not set up LMS Kit's service worker. */
describe('<lms-course-player offline> panel', () => {
  it('is off by default, and with `offline` offers the button, keyboard-usable and accessible', async () => {
    const src = `/offline-course/${uniqueName('panel')}/food-safety.json`;
    const provider = await fixture<LmsProvider>(
      html`<lms-provider learner-email="ada@example.com" locale="en" .storage=${new MemoryAdapter()}>
        <lms-course-player src=${src}></lms-course-player>
      </lms-provider>`,
    );
    const player = provider.querySelector('lms-course-player') as LmsCoursePlayer;
    await waitUntil(() => player.progress, 'course did not load', { timeout: 15000 });
    const root = player.shadowRoot as ShadowRoot;
    expect(root.querySelector('[part="offline"]')).to.equal(null);

    player.setAttribute('offline', '');
    await waitUntil(() => root.querySelector('[part="offline"]')?.getAttribute('data-status') === 'idle', 'no offline panel', {
      timeout: 15000,
    });
    const button = root.querySelector('[part="offline"] button') as HTMLButtonElement;
    expect(button.textContent?.trim()).to.equal('Make available offline');
    await expect(player).to.be.accessible();

    // Enter on the focused button starts it; with no service worker on this page it fails, saying why.
    button.focus();
    const failed = oneEvent(player, 'lms-error');
    await sendKeys({ press: 'Enter' });
    const { detail } = await failed;
    expect(detail.recoverable).to.equal(true);
    expect(detail.error.code).to.equal('scorm/service-worker-unavailable');
    await waitUntil(() => root.querySelector('[part="offline"]')?.getAttribute('data-status') === 'error', 'no error state');
    expect(root.querySelector('[part="offline"] [role="alert"]')?.textContent).to.contain('Could not make the course available offline');
    expect(root.querySelector('[part="offline"] button')?.textContent?.trim()).to.equal('Try again');
    await expect(player).to.be.accessible();
  });
});
