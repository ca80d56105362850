import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { MemoryAdapter } from '@lms-kit/storage';
import { HttpStorageAdapter } from '@lms-kit/storage/http';
import type { LmsDiscussion, LmsProvider } from '@lms-kit/elements';
import { call, freshTenant, lmsServer, tokenFor } from '../../../test/helpers/server.js';
import { XSS_CORPUS } from '../../../test/helpers/xss-corpus.js';
import { HOSTILE_URLS } from '../../../test/helpers/hostile-urls.js';
import { textCourse } from '../../../test/helpers/courses.js';
import { outlineButton, renderPlayer } from './helpers.js';
import '@lms-kit/elements/all';

const text = (el: Element) => el.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '';
const root = (el: LmsDiscussion) => el.shadowRoot!;
const bodies = (el: LmsDiscussion) => [...root(el).querySelectorAll('.body')].map((p) => p.textContent!.trim());
const button = (scope: ParentNode, label: string) =>
  [...scope.querySelectorAll('button')].find((b) => b.textContent!.trim() === label) as HTMLButtonElement | undefined;
const comment = (el: LmsDiscussion, body: string) =>
  [...root(el).querySelectorAll('article')].find((a) => a.querySelector('.body')?.textContent?.trim() === body) as HTMLElement;

async function render(storage: unknown, who = 'ada', extra = ''): Promise<LmsDiscussion> {
  const provider = await fixture<LmsProvider>(
    html`<lms-provider learner-email=${`${who}@example.com`} learner-name=${who.toUpperCase() + extra} locale="en" .storage=${storage}>
      <lms-discussion course="c1" lesson="l1" poll-interval="500"></lms-discussion>
    </lms-provider>`,
  );
  const el = provider.querySelector('lms-discussion') as LmsDiscussion;
  await waitUntil(() => customElements.get('lms-discussion') && text(el).trim() && !text(el).includes('Loading'), 'not loaded', {
    timeout: 15000,
  });
  return el;
}

/** Types into the focused field, then presses Enter on the button named `label` (found by Tab). */
async function typeAndPress(el: LmsDiscussion, field: HTMLTextAreaElement, value: string, label: string) {
  field.focus();
  await sendKeys({ type: value });
  for (let n = 0; n < 6 && root(el).activeElement?.textContent?.trim() !== label; n++) await sendKeys({ press: 'Tab' });
  expect(root(el).activeElement?.textContent?.trim()).to.equal(label);
  await sendKeys({ press: 'Enter' });
}

describe('<lms-discussion>', function () {
  this.timeout(60_000);

  it('is private notes on browser storage, and says so; post, reply, edit and delete with confirmation from the keyboard', async () => {
    const el = await render(new MemoryAdapter());
    expect(text(el)).to.contain('My notes');
    expect(text(el)).to.contain('Private notes: they are kept in this browser');
    expect(text(el)).to.contain('No notes yet.');
    await expect(el).to.be.accessible();

    await typeAndPress(el, root(el).querySelector('#new-body')!, 'Fridge at 5 °C', 'Post');
    await waitUntil(() => bodies(el).includes('Fridge at 5 °C'), text(el));
    expect((root(el).querySelector('#new-body') as HTMLTextAreaElement).value).to.equal('');

    // Reply: the Reply button opens a field, focused.
    button(comment(el, 'Fridge at 5 °C'), 'Reply')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => root(el).activeElement?.id === 'reply-body');
    await typeAndPress(el, root(el).querySelector('#reply-body')!, 'and the freezer at -18 °C', 'Post');
    await waitUntil(() => bodies(el).includes('and the freezer at -18 °C'), text(el));
    expect(root(el).querySelector('ol.replies')?.textContent).to.contain('freezer');
    await expect(el).to.be.accessible();

    // Edit.
    button(comment(el, 'Fridge at 5 °C'), 'Edit')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => root(el).activeElement?.id === 'edit-body');
    await sendKeys({ press: 'End' });
    await typeAndPress(el, root(el).activeElement as HTMLTextAreaElement, ' or below', 'Save');
    await waitUntil(() => bodies(el).includes('Fridge at 5 °C or below'), text(el));
    expect(comment(el, 'Fridge at 5 °C or below').textContent).to.contain('(edited)');

    // Delete asks first; Cancel keeps it, the confirmation deletes the thread and its replies.
    button(comment(el, 'Fridge at 5 °C or below'), 'Delete')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => root(el).activeElement?.textContent?.trim() === 'Delete' && text(el).includes('cannot be undone'));
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' }); // Cancel
    await waitUntil(() => !text(el).includes('cannot be undone'));
    expect(bodies(el)).to.include('Fridge at 5 °C or below');
    button(comment(el, 'Fridge at 5 °C or below'), 'Delete')!.click();
    await waitUntil(() => root(el).activeElement?.textContent?.trim() === 'Delete');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => text(el).includes('No notes yet.'), text(el));
  });

  it('shows markup and hostile URLs as text, never running them', async () => {
    const el = await render(new MemoryAdapter());
    const corpus = [...XSS_CORPUS, ...HOSTILE_URLS.filter((url) => ![...url].some((c) => c < ' ' && c !== '\t' && c !== '\n'))];
    const field = root(el).querySelector('#new-body') as HTMLTextAreaElement;
    for (const hostile of corpus) {
      field.value = hostile;
      button(root(el).querySelector('form')!, 'Post')!.click();
      await waitUntil(() => field.value === '', `not posted: ${hostile}`);
    }
    // 20 threads a page: the rest come with "Show more comments".
    while (button(root(el), 'Show more comments')) {
      button(root(el), 'Show more comments')!.click();
      await waitUntil(() => bodies(el).length === corpus.length || !button(root(el), 'Show more comments'), text(el));
    }
    expect(bodies(el).length).to.equal(corpus.length);
    for (const body of root(el).querySelectorAll('.body')) expect(body.children.length, body.innerHTML).to.equal(0);
    expect(bodies(el)).to.include.members(corpus.map((c) => c.trim()));
    expect(root(el).querySelector('script, iframe, img, a, svg, form[action]')).to.equal(null);
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect((window as unknown as { __pwned?: string }).__pwned).to.equal(undefined);
  });

  it('updates another tab of the same browser at once', async () => {
    const storage = new MemoryAdapter();
    const first = await render(storage);
    const second = await render(storage);
    (root(first).querySelector('#new-body') as HTMLTextAreaElement).value = 'Written in the first tab';
    button(root(first).querySelector('form')!, 'Post')!.click();
    await waitUntil(() => bodies(second).includes('Written in the first tab'), text(second));
    expect(text(second)).to.contain('New comments.');
  });

  it('shows under the lessons the course JSON opens a discussion for, and only those', async () => {
    const course = { ...textCourse('talk', 3), discussion: true };
    course.modules[0].lessons[1] = { ...course.modules[0].lessons[1], discussion: false };
    const { player, root: shadow } = await renderPlayer(course);
    await waitUntil(() => shadow.querySelector('lms-discussion[part="discussion"]'), 'no discussion under the first lesson');
    const el = shadow.querySelector('lms-discussion') as LmsDiscussion;
    expect([el.course, el.lesson]).to.deep.equal(['talk', 'l1']);
    await waitUntil(() => text(el).includes('No notes yet.'), text(el));
    await expect(player).to.be.accessible();
    outlineButton(player, 'l2').click();
    await waitUntil(() => player.currentLessonId === 'l2' && !shadow.querySelector('lms-discussion'), 'a discussion under l2');
    outlineButton(player, 'l3').click();
    await waitUntil(() => (shadow.querySelector('lms-discussion') as LmsDiscussion | null)?.lesson === 'l3', 'no discussion under l3');
  });

  describe('on a server', () => {
    let base: string;
    before(async function () {
      this.timeout(180_000);
      [base] = await lmsServer('postgres');
    });

    async function person(tenant: string, who: string, roles: Array<'learner' | 'instructor' | 'admin'>, name: string) {
      return new HttpStorageAdapter({ endpoint: base, token: await tokenFor({ sub: `mailto:${who}@example.com`, tenant, roles, name }) });
    }

    it('shares threads between learners, marks mentions, lets the instructor hide and pin, and keeps text the server refuses', async () => {
      const tenant = freshTenant('talk-ui');
      const adminToken = await tokenFor({ sub: 'mailto:admin@example.com', tenant, roles: ['admin'] });
      const grace = await person(tenant, 'grace', ['instructor'], 'Grace Hopper');
      await grace.leaderboard.membership(); // Grace signs in once
      await call(base, adminToken, 'PUT', '/v1/courses/c1', { instructors: ['mailto:grace@example.com'] });
      await call(base, adminToken, 'PUT', '/v1/tenant/settings', { discussion: { postsPerMinute: 100 } });

      const ada = await render(await person(tenant, 'ada', ['learner'], 'Ada'));
      expect(text(ada)).to.contain('Discussion');
      expect(root(ada).querySelector('[data-private]')).to.equal(null);
      await waitUntil(() => text(ada).includes('write @ and their name: Grace Hopper'), text(ada));
      await typeAndPress(ada, root(ada).querySelector('#new-body')!, 'Is 6 °C fine, @Grace Hopper?', 'Post');
      await waitUntil(() => bodies(ada).length === 1, text(ada));
      expect(root(ada).querySelector('.body [part="mention"]')?.textContent).to.equal('@Grace Hopper');
      expect(button(root(ada), 'Hide'), 'learners do not moderate').to.equal(undefined);
      await expect(ada).to.be.accessible();

      const staff = await render(grace);
      const question = comment(staff, 'Is 6 °C fine, @Grace Hopper?');
      expect(question.querySelector('strong')?.textContent).to.equal('Ada');
      button(question, 'Pin')!.click();
      await waitUntil(() => comment(staff, 'Is 6 °C fine, @Grace Hopper?').textContent!.includes('Pinned'));
      button(comment(staff, 'Is 6 °C fine, @Grace Hopper?'), 'Hide')!.click();
      await waitUntil(() => comment(staff, 'Is 6 °C fine, @Grace Hopper?').textContent!.includes('Hidden from learners'));
      await expect(staff).to.be.accessible();
      // Ada's page sees the change by polling (another learner: no message between their tabs), her hidden comment marked.
      await waitUntil(() => text(ada).includes('Hidden from learners'), text(ada), { timeout: 10_000 });

      // Past the posts per minute (counted per calendar minute: start well inside one), the reason is shown and the text stays.
      while (new Date().getSeconds() > 40) await new Promise((resolve) => setTimeout(resolve, 500));
      await call(base, adminToken, 'PUT', '/v1/tenant/settings', { discussion: { postsPerMinute: 1 } });
      const cy = await render(await person(tenant, 'cy', ['learner'], 'Cy'), 'cy');
      const field = root(cy).querySelector('#new-body') as HTMLTextAreaElement;
      field.value = 'First';
      button(root(cy).querySelector('form')!, 'Post')!.click();
      await waitUntil(() => bodies(cy).includes('First'), text(cy));
      field.value = 'Second, too fast';
      button(root(cy).querySelector('form')!, 'Post')!.click();
      await waitUntil(() => root(cy).querySelector('[role="alert"]'), text(cy));
      expect(root(cy).querySelector('[role="alert"]')!.textContent).to.contain('You are posting too fast');
      expect(field.value).to.equal('Second, too fast');
      expect(bodies(cy)).to.not.include('Second, too fast');
    });
  });
});
