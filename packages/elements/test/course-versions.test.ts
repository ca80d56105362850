import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { MemoryAdapter } from '@lms-kit/storage';
import { LocalAuthoring } from '@lms-kit/runtime/authoring';
import { PSEUDO_LOCALE, type LmsCourseVersions, type LmsProvider } from '@lms-kit/elements';
import '@lms-kit/elements/all';

/** `<lms-course-versions>`: version list, diff of two versions, roll back with confirmation by keyboard, review and comments. */
const text = (id: string, title: string) => ({ id, kind: 'text', title, html: `<p>${title}</p>` });
const course = (lessons: unknown[]) => ({ schema: 1, id: 'bread', title: 'Bread', modules: [{ id: 'm1', title: 'Dough', lessons }] });

async function render(locale = 'en') {
  const store = new LocalAuthoring({ storage: new MemoryAdapter(), author: 'mailto:ines@example.com', roles: ['admin'] });
  await store.submitForReview('bread', course([text('mix', 'Mixing'), text('knead', 'Kneading')]));
  await store.publish('bread', 'First edition');
  await store.submitForReview('bread', course([text('mix', 'Mixing flour'), text('bake', 'Baking')]));
  await store.publish('bread');
  await store.submitForReview('bread', course([text('mix', 'Mixing flour')]));
  await store.comment('bread', { lessonId: 'mix', text: 'Say how long.' });
  const provider = await fixture<LmsProvider>(
    html`<lms-provider learner-email="ines@example.com" locale=${locale} .storage=${new MemoryAdapter()}>
      <lms-course-versions course="bread" .store=${store}></lms-course-versions>
    </lms-provider>`,
  );
  const element = provider.querySelector('lms-course-versions') as LmsCourseVersions;
  const root = () => element.shadowRoot as ShadowRoot;
  await waitUntil(() => root()?.querySelector('[part="versions"]'), 'versions shown', { timeout: 15000 });
  return { store, element, root };
}

describe('<lms-course-versions>', () => {
  it('lists versions with their change summaries, the review state and comments per lesson; compares two versions', async () => {
    const { element, root } = await render();
    const items = [...root().querySelectorAll('[part="versions"] > li')];
    expect(items.map((li) => li.querySelector('h3')?.textContent)).to.deep.equal(['Version 2', 'Version 1']);
    expect(items[0].textContent).to.include('1 added, 1 removed, 1 changed');
    expect(items[1].textContent).to.include('First edition');
    expect(root().querySelector('[part="review"]')?.textContent).to.include('Review: In review');
    expect(root().querySelector('[part="review"]')?.textContent).to.include('On lesson “mix”');
    (root().querySelector('[part="compare"] button') as HTMLButtonElement).click();
    await waitUntil(() => root().querySelector('[part="diff"]'), 'diff shown');
    const diff = root().querySelector('[part="diff"]')!.textContent!.replace(/\s+/g, ' ');
    expect(diff).to.include('Changes from version 1 to 2');
    expect(diff).to.include('Lessons added Baking bake');
    expect(diff).to.include('Lessons removed Kneading knead');
    await expect(element).to.be.accessible();
  });

  it('rolls back only after confirmation, by keyboard; Cancel changes nothing and gives focus back', async () => {
    const { store, element, root } = await render();
    const rollBack = () => root().querySelector('[data-roll-back="1"]') as HTMLButtonElement;
    rollBack().focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => root().querySelector('[role="alertdialog"]'), 'confirmation shown');
    expect(root().activeElement?.hasAttribute('data-cancel'), 'focus on Cancel').to.equal(true);
    await expect(element).to.be.accessible();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => root().activeElement === rollBack(), 'focus back on the button');
    expect((await store.listVersions('bread')).length, 'cancelled: nothing published').to.equal(2);

    await sendKeys({ press: 'Enter' });
    await waitUntil(() => root().querySelector('[data-confirm]'));
    (root().querySelector('[data-confirm]') as HTMLButtonElement).focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => root().querySelectorAll('[part="versions"] > li').length === 3, 'version 3 listed');
    expect((await store.published('bread'))?.rolledBackFrom).to.equal(1);
    expect(root().querySelector('[role="status"]')?.textContent).to.equal('Version 3 is published.');
    expect(root().querySelector('[part="versions"] > li')?.textContent).to.include('Roll back to version 1');
  });

  it('speaks the provider’s language (Arabic, right to left) and reports a load failure', async () => {
    const { element, root } = await render('ar');
    await waitUntil(() => root().querySelector('h2')?.textContent === 'الإصدارات', 'Arabic strings');
    expect(root().querySelector('[part="base"]')?.closest('[dir]')?.getAttribute('dir') ?? element.getAttribute('dir')).to.equal('rtl');
    await expect(element).to.be.accessible();

    // The pseudo-locale: every heading, label and button comes from the messages.
    const pseudo = await render(PSEUDO_LOCALE);
    await waitUntil(() => pseudo.root().querySelector('h2')?.textContent?.startsWith('['), 'pseudo-locale strings');
    const labels = [...pseudo.root().querySelectorAll('h2, h3, button, label, [part="review"] > p')].map((el) => el.textContent!.trim());
    expect(labels.filter((label) => !label.startsWith('['))).to.deep.equal([]);

    const errors: unknown[] = [];
    const failing = await fixture<LmsProvider>(
      html`<lms-provider
        learner-email="ines@example.com"
        locale="en"
        .storage=${new MemoryAdapter()}
        @lms-error=${(e: Event) => errors.push(e)}
      >
        <lms-course-versions
          course="bread"
          .store=${{
            review: () => Promise.reject(new Error('down')),
            listVersions: async () => [],
          }}
        ></lms-course-versions>
      </lms-provider>`,
    );
    const broken = failing.querySelector('lms-course-versions') as LmsCourseVersions;
    await waitUntil(() => broken.shadowRoot?.querySelector('[role="alert"]'), 'error state');
    expect(errors.length).to.equal(1);
  });
});
