import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { LmsError, type Catalog, type CourseProgress } from '@lms-kit/core';
import { MemoryAdapter, type StorageAdapter } from '@lms-kit/storage';
import type { LmsCatalog, LmsContinueEvent } from '@lms-kit/elements';
import '@lms-kit/elements/all';

const LEARNER = 'mailto:ada@example.com';
const DAY = 86_400_000;
const iso = (days: number) => new Date(Date.now() + days * DAY).toISOString();

export function sampleCatalog(): Catalog {
  return {
    schema: 1,
    newDays: 30,
    courses: [
      {
        id: 'food-safety',
        title: 'Food safety basics',
        description: 'Handwashing, allergens and the fridge.',
        url: '/demo/staff.html',
        durationMinutes: 45,
        language: 'en',
        tags: ['food safety', 'onboarding'],
        required: true,
        enrollment: { assigned: true, dueAt: iso(-3) },
        publishedAt: iso(-200),
      },
      {
        id: 'knife-skills',
        title: 'Knife skills',
        description: 'The claw, sharpening and cleaning.',
        durationMinutes: 20,
        language: 'en',
        tags: ['kitchen'],
        selfEnroll: true,
        publishedAt: iso(-5),
      },
      { id: 'higiene', title: 'Higiene alimentaria', durationMinutes: 45, language: 'es', tags: ['food safety'], selfEnroll: true },
      { id: 'leading', title: 'Leading a shift', prerequisites: ['food-safety'], availableFrom: iso(20), tags: ['leadership'] },
      { id: 'fire', title: 'Fire safety', tags: ['safety'], enrollment: { assigned: true, dueAt: iso(30) } },
    ],
  };
}

export const text = (el: Element) => el.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '';
const cards = (el: LmsCatalog) => [...(el.shadowRoot?.querySelectorAll('article') ?? [])].map((a) => a.getAttribute('data-course'));
const card = (el: LmsCatalog, id: string) => el.shadowRoot?.querySelector(`article[data-course="${id}"]`) as HTMLElement;
const count = (el: LmsCatalog) => el.shadowRoot?.querySelector('[part="count"]')?.textContent?.trim();

function progress(courseId: string, lessons: string[], completed = false): CourseProgress {
  const at = new Date().toISOString();
  return {
    learnerId: LEARNER,
    courseId,
    registration: 'r',
    lessons: Object.fromEntries(lessons.map((id) => [id, { status: 'completed', openedAt: at, timeSpentMs: 1000 }])),
    lastLessonId: lessons[lessons.length - 1],
    timeSpentMs: 1000,
    startedAt: at,
    updatedAt: at,
    ...(completed ? { completedAt: at } : {}),
  };
}

async function renderCatalog(
  storage: StorageAdapter = new MemoryAdapter(),
  from: { catalog?: unknown; src?: string } = { catalog: sampleCatalog() },
) {
  const provider = await fixture(
    html`<lms-provider learner-email="ada@example.com" locale="en" .storage=${storage}
      ><lms-catalog .catalog=${from.catalog} .src=${from.src}></lms-catalog
    ></lms-provider>`,
  );
  const el = provider.querySelector('lms-catalog') as LmsCatalog;
  await waitUntil(() => el.shadowRoot && !el.shadowRoot.querySelector('[aria-busy]'), 'catalog loaded', { timeout: 10000 });
  return el;
}

/** The focused element, looking inside shadow roots. */
function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

async function tabTo(matches: (element: Element) => boolean, description: string): Promise<Element> {
  for (let i = 0; i < 60; i++) {
    const active = deepActive();
    if (active && matches(active)) return active;
    await sendKeys({ press: 'Tab' });
  }
  throw new Error(`Tab never reached ${description}`);
}

describe('<lms-catalog>', function () {
  this.timeout(30_000);
  it('shows each course as an article with its heading, facts, flags and action; axe-clean', async () => {
    const storage = new MemoryAdapter();
    await storage.updateProgress({ learnerId: LEARNER, courseId: 'food-safety' }, () => progress('food-safety', ['welcome']));
    const el = await renderCatalog(storage);
    // "For you": assigned first (soonest due), then new, then by title.
    expect(cards(el)).to.deep.equal(['food-safety', 'fire', 'knife-skills', 'higiene', 'leading']);
    expect(count(el)).to.equal('5 courses');
    const food = card(el, 'food-safety');
    expect(food.querySelector('[role="heading"]')?.getAttribute('aria-level')).to.equal('3');
    expect(food.textContent).to.contain('Required').and.contain('Assigned to you').and.contain('Overdue since').and.contain('45 min');
    expect(food.querySelector('a[part="action"]')?.textContent?.trim()).to.equal('Continue');
    expect(card(el, 'knife-skills').textContent).to.contain('New');
    expect(card(el, 'knife-skills').querySelector('button')?.textContent?.trim()).to.equal('Enroll');
    expect(card(el, 'leading').textContent).to.contain('Starts after').and.contain('Complete first: Food safety basics');
    expect(card(el, 'higiene').querySelector('dd[lang="es"]')?.textContent).to.equal('español');
    await expect(el).to.be.accessible();
  });

  it('searches, filters and sorts, announcing the count; keyboard only', async () => {
    const el = await renderCatalog();
    const search = await tabTo((e) => e.localName === 'input' && e.getAttribute('type') === 'search', 'the search box');
    expect(search.closest('label')?.textContent).to.contain('Search');
    await sendKeys({ type: 'KNIFE' });
    await waitUntil(() => count(el) === '1 course', 'one match');
    expect(el.shadowRoot?.querySelector('[part="count"]')?.getAttribute('role')).to.equal('status');
    expect(cards(el)).to.deep.equal(['knife-skills']);
    await sendKeys({ press: 'Control+A' });
    await sendKeys({ press: 'Backspace' });
    await waitUntil(() => count(el) === '5 courses', 'all again');
    // Accent-insensitive, every word.
    (search as HTMLInputElement).value = 'alimentária';
    search.dispatchEvent(new Event('input'));
    await waitUntil(() => count(el) === '1 course', 'accent-insensitive');
    (search as HTMLInputElement).value = '';
    search.dispatchEvent(new Event('input'));
    const select = (name: string) => el.shadowRoot?.querySelector(`select[name="${name}"]`) as HTMLSelectElement;
    const choose = async (name: string, value: string) => {
      select(name).value = value;
      select(name).dispatchEvent(new Event('change'));
      await el.updateComplete;
    };
    await choose('tag', 'food safety');
    expect(cards(el)).to.deep.equal(['food-safety', 'higiene']);
    await choose('language', 'es');
    expect(cards(el)).to.deep.equal(['higiene']);
    await choose('tag', '');
    await choose('language', '');
    await choose('status', 'not-enrolled');
    expect(cards(el)).to.have.members(['knife-skills', 'higiene', 'leading']);
    await choose('status', '');
    await choose('sort', 'duration');
    expect(cards(el)).to.deep.equal(['knife-skills', 'food-safety', 'higiene', 'fire', 'leading']);
    await choose('sort', 'title');
    expect(cards(el)[0]).to.equal('fire');
    (search as HTMLInputElement).value = 'no such course';
    search.dispatchEvent(new Event('input'));
    await waitUntil(() => count(el) === 'No course matches', 'no match');
    for (const name of ['tag', 'language', 'status', 'sort']) expect(select(name).closest('label')?.textContent?.trim()).to.not.equal('');
    await expect(el).to.be.accessible();
  });

  it('enrolls with the keyboard where self-enrollment is allowed, and keeps it', async () => {
    const storage = new MemoryAdapter();
    const el = await renderCatalog(storage);
    await tabTo((e) => e.getAttribute('aria-label') === 'Enroll: Knife skills', 'the enroll button');
    const enrolled = oneEvent(el, 'lms-course-enroll');
    await sendKeys({ press: 'Enter' });
    expect((await enrolled).detail.courseId).to.equal('knife-skills');
    await waitUntil(() => card(el, 'knife-skills')?.textContent?.includes('Enrolled, not started'), 'enrolled');
    expect(text(el)).to.contain('You are enrolled in “Knife skills”.');
    expect(await storage.listRecords('enrollments', { learnerId: LEARNER })).to.have.length(1);
    const again = await renderCatalog(storage);
    expect(card(again, 'knife-skills').querySelector('button')?.textContent?.trim()).to.equal('Start');
  });

  it('refuses enrolling where the catalog does not allow it, storing nothing', async () => {
    const storage = new MemoryAdapter();
    const el = await renderCatalog(storage);
    expect(card(el, 'leading').querySelector('button'), 'no enroll button').to.equal(null);
    const closed = await renderCatalog(storage, { catalog: { schema: 1, courses: [{ id: 'closed', title: 'Closed course' }] } });
    expect(card(closed, 'closed').querySelector('button')).to.equal(null);
    expect(card(closed, 'closed').textContent).to.contain('Enrollment through your manager');
    const { CatalogSession } = await import('@lms-kit/runtime/catalog');
    const session = new CatalogSession({ storage, learnerId: LEARNER, catalog: sampleCatalog() });
    const error = await session.enroll('leading').catch((e: unknown) => e);
    expect((error as LmsError).code).to.equal('catalog/enroll-refused');
    expect(await storage.listRecords('enrollments')).to.deep.equal([]);
  });

  it('continue announces the course and lesson to resume, and the page follows the link unless prevented', async () => {
    const storage = new MemoryAdapter();
    await storage.updateProgress({ learnerId: LEARNER, courseId: 'fire' }, () => progress('fire', ['intro', 'exits']));
    const el = await renderCatalog(storage);
    const button = card(el, 'fire').querySelector('button[part="action"]') as HTMLButtonElement;
    expect(button.textContent?.trim()).to.equal('Continue');
    setTimeout(() => button.click());
    const event = (await oneEvent(el, 'lms-continue')) as LmsContinueEvent;
    expect(event.detail).to.deep.equal({ courseId: 'fire', lessonId: 'exits' });
    const link = card(el, 'food-safety').querySelector('a') as HTMLAnchorElement;
    el.addEventListener('lms-continue', (e) => e.preventDefault(), { once: true });
    const clicked = new MouseEvent('click', { bubbles: true, composed: true, cancelable: true });
    link.dispatchEvent(clicked);
    expect(clicked.defaultPrevented, 'navigation cancelled').to.equal(true);
  });

  it('has a loading, an empty, an error and a forbidden state, each axe-clean', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow = new MemoryAdapter();
    const listProgress = slow.listProgress.bind(slow);
    slow.listProgress = async (learnerId: string) => (await gate, listProgress(learnerId));
    const loading = await fixture(
      html`<lms-provider learner-email="ada@example.com" .storage=${slow}
        ><lms-catalog .catalog=${sampleCatalog()}></lms-catalog
      ></lms-provider>`,
    );
    const busy = loading.querySelector('lms-catalog') as LmsCatalog;
    await waitUntil(() => busy.shadowRoot?.querySelector('[aria-busy="true"]'), 'loading state');
    await expect(busy).to.be.accessible();
    release();

    const empty = await renderCatalog(new MemoryAdapter(), { catalog: { schema: 1, courses: [] } });
    expect(text(empty)).to.contain('No courses are offered yet.');
    await expect(empty).to.be.accessible();

    const errors: string[] = [];
    const listener = (e: Event) => errors.push((e as CustomEvent).detail.error.code);
    document.addEventListener('lms-error', listener);
    const invalid = await renderCatalog(new MemoryAdapter(), { catalog: { schema: 1, courses: [{ id: 'x' }] } });
    expect(invalid.shadowRoot?.querySelector('[role="alert"]')?.textContent).to.contain('courses[0].title');
    await expect(invalid).to.be.accessible();
    const missing = await renderCatalog(new MemoryAdapter(), { src: '/nowhere/catalog.json' });
    expect(text(missing)).to.contain('could not be loaded');
    document.removeEventListener('lms-error', listener);
    expect(errors).to.deep.equal(['catalog/invalid', 'catalog/load-failed']);

    // A server that refuses the caller's role.
    const forbidden = Object.assign(new MemoryAdapter(), {
      readCatalog: () => Promise.reject(new LmsError('auth/forbidden', 'no')),
      enrollInCourse: () => Promise.reject(new LmsError('auth/forbidden', 'no')),
    });
    const refused = await renderCatalog(forbidden, {});
    expect(refused.shadowRoot?.querySelector('[part="forbidden"]')?.textContent).to.equal('This is not available for your role.');
    await expect(refused).to.be.accessible();
  });

  it('shows a long list a page at a time; "Show more" moves focus to the first new card', async () => {
    const el = await renderCatalog();
    el.pageSize = 2;
    await el.updateComplete;
    expect(cards(el)).to.have.length(2);
    expect(count(el), 'the count is of every match').to.equal('5 courses');
    const more = el.shadowRoot?.querySelector('button[part="more"]') as HTMLButtonElement;
    expect(more.textContent?.trim()).to.equal('Show 2 more (3 not shown)');
    more.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => cards(el).length === 4, 'next page');
    const third = el.shadowRoot?.querySelectorAll('ul.cards > li')[2];
    expect(third?.contains(el.shadowRoot?.activeElement ?? null), 'focus on the first new card').to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('fits a 320 px wide screen without horizontal scrolling', async () => {
    const wrapper = await fixture(
      html`<div style="inline-size: 320px">
        <lms-provider learner-email="ada@example.com" .storage=${new MemoryAdapter()}
          ><lms-catalog .catalog=${sampleCatalog()}></lms-catalog
        ></lms-provider>
      </div>`,
    );
    const el = wrapper.querySelector('lms-catalog') as LmsCatalog;
    await waitUntil(() => cards(el).length === 5, 'cards');
    const base = el.shadowRoot?.querySelector('[part="base"]') as HTMLElement;
    expect(base.scrollWidth).to.be.at.most(320);
    for (const article of el.shadowRoot?.querySelectorAll('article') ?? [])
      expect(article.getBoundingClientRect().width).to.be.at.most(320);
  });
});
