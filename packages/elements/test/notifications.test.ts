import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { MemoryAdapter } from '@lms-kit/storage';
import type { LmsNotifications, LmsProvider, LmsReminderEvent } from '@lms-kit/elements';
import '@lms-kit/elements/all';

const DAY = 86_400_000;
const inDays = (n: number) => new Date(Date.now() + n * DAY).toISOString();
const text = (el: Element) => el.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '';
const learnerId = 'mailto:ada@example.com';

/** A catalog with an assigned course due in 3 days and another overdue, as a site publishes it. */
const catalog = {
  schema: 1,
  courses: [
    { id: 'allergens', title: 'Allergens', enrollment: { assigned: true, dueAt: inDays(3) } },
    { id: 'fire', title: 'Fire safety', enrollment: { assigned: true, dueAt: inDays(-2) } },
    { id: 'knives', title: 'Knife skills', enrollment: { assigned: true, dueAt: inDays(90) } },
  ],
};
const catalogUrl = `data:application/json,${encodeURIComponent(JSON.stringify(catalog))}`;

async function render(storage: MemoryAdapter, events: LmsReminderEvent[] = [], url = catalogUrl) {
  const provider = await fixture<LmsProvider>(
    html`<lms-provider
      learner-email="ada@example.com"
      locale="en"
      .storage=${storage}
      @lms-reminder=${(e: LmsReminderEvent) => events.push(e)}
    >
      <lms-notifications catalog=${url}></lms-notifications>
    </lms-provider>`,
  );
  const centre = provider.querySelector('lms-notifications') as LmsNotifications;
  await waitUntil(() => customElements.get('lms-notifications') && text(centre).trim() && !text(centre).includes('Loading'), 'not loaded', {
    timeout: 15000,
  });
  return centre;
}

describe('<lms-notifications>', function () {
  this.timeout(60_000);

  it('lists due dates and an expiring certificate, most urgent first, announces each once, and dismisses by keyboard', async () => {
    const storage = new MemoryAdapter();
    await storage.putRecord('certificates', {
      id: 'cert-1',
      learnerId,
      courseId: 'hygiene',
      courseTitle: 'Food hygiene',
      issuedAt: inDays(-355),
      expiresAt: inDays(10),
    });
    const events: LmsReminderEvent[] = [];
    const centre = await render(storage, events);
    const items = () => [...centre.shadowRoot!.querySelectorAll('li')].map((li) => li.className);
    expect(items()).to.deep.equal(['overdue', 'due-soon', 'certificate-expiring']);
    expect(text(centre))
      .to.contain('“Fire safety” was due on')
      .and.contain('“Allergens” is due on')
      .and.contain('Your certificate for “Food hygiene” expires on');
    expect(events.map((e) => e.detail.reminder.kind)).to.deep.equal(['overdue', 'due-soon', 'certificate-expiring']);
    expect(events[0].detail.learnerId).to.equal(learnerId);
    await expect(centre).to.be.accessible();

    // Keyboard: the first "Dismiss" with Enter; focus moves to the next reminder's button.
    centre.shadowRoot!.querySelector<HTMLButtonElement>('li button')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => items().length === 2, items().join());
    await waitUntil(() => centre.shadowRoot!.activeElement?.closest('li')?.className === 'due-soon', 'focus not on the next reminder');

    // Again on another page: the dismissed one stays dismissed, and nothing is announced twice.
    centre.closest('lms-provider')!.remove();
    const again: LmsReminderEvent[] = [];
    const second = await render(storage, again);
    expect([...second.shadowRoot!.querySelectorAll('li')].map((li) => li.className)).to.deep.equal(['due-soon', 'certificate-expiring']);
    expect(again).to.deep.equal([]);
  });

  it('says when nothing needs attention', async () => {
    const quiet = `data:application/json,${encodeURIComponent(JSON.stringify({ schema: 1, courses: [{ id: 'bread', title: 'Bread' }] }))}`;
    const centre = await render(new MemoryAdapter(), [], quiet);
    expect(text(centre)).to.contain('Nothing needs your attention.');
    await expect(centre).to.be.accessible();
  });
});
