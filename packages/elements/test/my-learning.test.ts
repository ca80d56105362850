import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { LmsError, type Catalog, type CourseProgress } from '@lms-kit/core';
import { MemoryAdapter, type StorageAdapter } from '@lms-kit/storage';
import type { LmsContinueEvent, LmsMyLearning } from '@lms-kit/elements';
import '@lms-kit/elements/all';
import { OfflineCourseStore } from '@lms-kit/runtime/offline';
import { uniqueName } from './helpers.js';

const LEARNER = 'mailto:ada@example.com';
const DAY = 86_400_000;
const iso = (days: number) => new Date(Date.now() + days * DAY).toISOString();
const text = (el: Element) => el.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '';

const catalog: Catalog = {
  schema: 1,
  courses: [
    { id: 'food-safety', title: 'Food safety basics', url: '/demo/staff.html', enrollment: { assigned: true, dueAt: iso(-2) } },
    { id: 'fire', title: 'Fire safety', enrollment: { assigned: true, dueAt: iso(10) } },
    { id: 'knife-skills', title: 'Knife skills', selfEnroll: true },
    { id: 'coffee', title: 'Barista basics', selfEnroll: true },
    { id: 'old', title: 'Opening the shop' },
  ],
};

function progress(courseId: string, last: string, completedDaysAgo?: number): CourseProgress {
  const at = iso(-1);
  return {
    learnerId: LEARNER,
    courseId,
    registration: 'r',
    lessons: { [last]: { status: 'in-progress', openedAt: at, timeSpentMs: 1000 } },
    lastLessonId: last,
    timeSpentMs: 1000,
    startedAt: at,
    updatedAt: at,
    ...(completedDaysAgo !== undefined ? { completedAt: iso(-completedDaysAgo) } : {}),
  };
}

async function seeded(): Promise<MemoryAdapter> {
  const storage = new MemoryAdapter();
  for (const p of [
    progress('food-safety', 'allergens'),
    progress('knife-skills', 'the-claw'),
    progress('coffee', 'milk', 3),
    progress('old', 'a', 400),
  ])
    await storage.updateProgress({ learnerId: LEARNER, courseId: p.courseId }, () => p);
  const certificate = (id: string, courseId: string, courseTitle: string, expiresInDays: number) => ({
    id,
    learnerId: LEARNER,
    courseId,
    courseTitle,
    issuedAt: iso(-300),
    expiresAt: iso(expiresInDays),
    remindDays: 30,
  });
  await storage.putRecord('certificates', certificate('urn:uuid:c1', 'coffee', 'Barista basics', 200));
  await storage.putRecord('certificates', certificate('urn:uuid:c2', 'old', 'Opening the shop', 12));
  await storage.putRecord('certificates', certificate('urn:uuid:c3', 'fire', 'Fire safety', -5));
  return storage;
}

async function render(storage: StorageAdapter, from: { catalog?: unknown; src?: string } = { catalog }) {
  const provider = await fixture(
    html`<lms-provider learner-email="ada@example.com" locale="en" .storage=${storage}
      ><lms-my-learning .catalog=${from.catalog} .src=${from.src}><p slot="engagement">120 points</p></lms-my-learning></lms-provider
    >`,
  );
  const el = provider.querySelector('lms-my-learning') as LmsMyLearning;
  await waitUntil(() => el.shadowRoot && !el.shadowRoot.querySelector('[aria-busy]'), 'dashboard loaded', { timeout: 10000 });
  return el;
}

const section = (el: LmsMyLearning, name: string) =>
  [...(el.shadowRoot?.querySelectorAll(`[data-section="${name}"] article`) ?? [])].map((a) => a.getAttribute('data-course'));

describe('<lms-my-learning>', function () {
  this.timeout(30_000);
  it('shows assigned (overdue first), in progress, recently completed and certificates by urgency; axe-clean', async () => {
    const el = await render(await seeded());
    expect(section(el, 'assigned')).to.deep.equal(['food-safety', 'fire']);
    expect(section(el, 'in-progress')).to.deep.equal(['knife-skills']);
    // A course the learner enrolled in themselves shows there too, not started.
    const observed = (el as unknown as { services: { value: { storage: StorageAdapter } } }).services.value.storage;
    await observed.putRecord('enrollments', { id: `${LEARNER} starter`, learnerId: LEARNER, courseId: 'starter', enrolledAt: iso(0) });
    el.catalog = { ...catalog, courses: [...catalog.courses, { id: 'starter', title: 'Starter course', selfEnroll: true }] };
    await waitUntil(() => section(el, 'in-progress').join() === 'knife-skills,starter', 'self-enrolled course listed');
    expect(section(el, 'completed'), 'completed 400 days ago is not recent').to.deep.equal(['coffee']);
    const food = el.shadowRoot?.querySelector('article[data-course="food-safety"]') as HTMLElement;
    expect(food.querySelector('.overdue')?.textContent).to.contain('Overdue since');
    expect(text(el)).to.contain('Fire safety').and.contain('Not started');
    const certificates = [...(el.shadowRoot?.querySelectorAll('article.certificate') ?? [])];
    expect(certificates.map((c) => c.className.replace('certificate ', ''))).to.deep.equal(['expired', 'expiring', 'valid']);
    expect(certificates[0].textContent).to.contain('Expired on');
    expect(certificates[1].textContent).to.contain('Renew by');
    expect(certificates[2].textContent).to.contain('Valid until');
    const slot = el.shadowRoot?.querySelector('slot[name="engagement"]') as HTMLSlotElement;
    expect(slot.assignedElements()[0].textContent).to.equal('120 points');
    expect(el.shadowRoot?.querySelector('slot[name="offline"]')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('continues where the learner left off in one click, from the keyboard', async () => {
    const el = await render(await seeded());
    const button = el.shadowRoot?.querySelector('article[data-course="knife-skills"] button') as HTMLButtonElement;
    button.focus();
    const event = oneEvent(el, 'lms-continue');
    await sendKeys({ press: 'Enter' });
    expect(((await event) as LmsContinueEvent).detail).to.deep.equal({ courseId: 'knife-skills', lessonId: 'the-claw' });
    const link = el.shadowRoot?.querySelector('article[data-course="food-safety"] a') as HTMLAnchorElement;
    expect(link.getAttribute('href')).to.equal('/demo/staff.html');
    el.addEventListener('lms-continue', (e) => e.preventDefault());
    const withHref = oneEvent(el, 'lms-continue');
    link.focus();
    await sendKeys({ press: 'Enter' });
    expect(((await withHref) as LmsContinueEvent).detail).to.deep.equal({
      courseId: 'food-safety',
      lessonId: 'allergens',
      href: '/demo/staff.html',
    });
  });

  it('follows progress written elsewhere on the page', async () => {
    const storage = await seeded();
    const el = await render(storage);
    await storage.updateProgress({ learnerId: LEARNER, courseId: 'knife-skills' }, (p) => ({
      ...(p as CourseProgress),
      completedAt: iso(0),
    }));
    // The provider wraps the adapter: write through the element's storage so the change is announced.
    const observed = (el as unknown as { services: { value: { storage: StorageAdapter } } }).services.value.storage;
    await observed.updateProgress({ learnerId: LEARNER, courseId: 'knife-skills' }, (p) => p as CourseProgress);
    await waitUntil(() => section(el, 'completed').includes('knife-skills'), 'moved to completed');
  });

  it('has empty, loading, error and forbidden states, each axe-clean', async () => {
    const empty = await render(new MemoryAdapter(), { catalog: { schema: 1, courses: [] } });
    expect(text(empty)).to.contain('You have no courses yet.');
    await expect(empty).to.be.accessible();

    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow = new MemoryAdapter();
    const list = slow.listRecords.bind(slow);
    slow.listRecords = (async (...args: Parameters<MemoryAdapter['listRecords']>) => (
      await gate,
      list(...args)
    )) as MemoryAdapter['listRecords'];
    const provider = await fixture(
      html`<lms-provider learner-email="ada@example.com" .storage=${slow}
        ><lms-my-learning .catalog=${catalog}></lms-my-learning
      ></lms-provider>`,
    );
    const loading = provider.querySelector('lms-my-learning') as LmsMyLearning;
    await waitUntil(() => loading.shadowRoot?.querySelector('[aria-busy="true"]'), 'loading');
    await expect(loading).to.be.accessible();
    release();

    const failed = await render(new MemoryAdapter(), { src: '/nowhere.json' });
    expect(failed.shadowRoot?.querySelector('[role="alert"]')?.textContent).to.contain('could not be loaded');
    await expect(failed).to.be.accessible();

    const forbidden = Object.assign(new MemoryAdapter(), {
      readCatalog: () => Promise.reject(new LmsError('auth/forbidden', 'no')),
      enrollInCourse: () => Promise.reject(new LmsError('auth/forbidden', 'no')),
    });
    const refused = await render(forbidden, {});
    expect(refused.shadowRoot?.querySelector('[part="forbidden"]')?.textContent).to.equal('This is not available for your role.');
    await expect(refused).to.be.accessible();
  });

  it('with `offline`, lists the courses kept on this device with their sizes, and removes one from the keyboard; axe-clean', async () => {
    const store = new OfflineCourseStore();
    const courseUrl = new URL(`/offline-course/${uniqueName('my-offline')}/food-safety.json`, location.href).href;
    await store.download(courseUrl);
    try {
      const provider = await fixture(
        html`<lms-provider learner-email="ada@example.com" locale="en" .storage=${new MemoryAdapter()}
          ><lms-my-learning offline .catalog=${catalog}></lms-my-learning
        ></lms-provider>`,
      );
      const el = provider.querySelector('lms-my-learning') as LmsMyLearning;
      const card = () => el.shadowRoot?.querySelector(`[data-offline-course="${courseUrl}"]`);
      await waitUntil(card, 'the offline copy is not listed', { timeout: 10000 });
      const { bytes, files } = (await store.get(courseUrl))!;
      expect(card()?.textContent?.replace(/\s+/g, ' ')).to.contain('Food safety basics (version 1)').and.contain(`(${files} files)`);
      expect(card()?.textContent).to.match(/\d+(\.\d)? kB on this device/);
      expect(bytes).to.be.greaterThan(70_000);
      await expect(el).to.be.accessible();

      const remove = card()?.querySelector('button') as HTMLButtonElement;
      expect(remove.getAttribute('aria-label')).to.equal('Remove offline copy of Food safety basics (version 1)');
      remove.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => !card(), 'the removed copy is still listed', { timeout: 10000 });
      expect(await store.get(courseUrl)).to.equal(undefined);
      expect(el.shadowRoot?.querySelector('[role="status"]')?.textContent).to.contain('was removed');
      await expect(el).to.be.accessible();
    } finally {
      await store.remove(courseUrl);
    }
  });
});
