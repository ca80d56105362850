import type { Catalog, CourseProgress } from '@lms-kit/core';
import { catalogItems, filterCatalog } from '@lms-kit/runtime/catalog';
import { MemoryAdapter } from '@lms-kit/storage';
import '@lms-kit/elements/all';
import '@lms-kit/elements/define/lms-catalog';
import type { LmsCatalog } from '@lms-kit/elements';
import { medianMs, type BenchResult } from './support.js';

const TAGS = ['food safety', 'onboarding', 'kitchen', 'safety', 'customer service', 'coffee', 'leadership', 'compliance'];
const WORDS = 'allergens fridge knives fire coffee milk oven flour dough customers queue closing opening cleaning labels'.split(' ');

/** A catalog of 1,000 courses with varied titles, tags, languages and dates; the learner has started 100 of them. */
function bigCatalog(): { catalog: Catalog; progress: CourseProgress[] } {
  const now = Date.now();
  const courses = Array.from({ length: 1000 }, (_, i) => ({
    id: `course-${i}`,
    title: `${WORDS[i % WORDS.length]} ${WORDS[(i * 7) % WORDS.length]} ${i}`,
    description: `About ${WORDS[(i * 3) % WORDS.length]} and ${WORDS[(i * 5) % WORDS.length]}.`,
    durationMinutes: 10 + (i % 90),
    language: i % 10 === 0 ? 'es' : 'en',
    tags: [TAGS[i % TAGS.length], TAGS[(i * 3) % TAGS.length]],
    selfEnroll: i % 2 === 0,
    publishedAt: new Date(now - (i % 400) * 86_400_000).toISOString(),
    ...(i % 20 === 0 ? { enrollment: { assigned: true, dueAt: new Date(now + ((i % 60) - 30) * 86_400_000).toISOString() } } : {}),
  }));
  const at = new Date(now).toISOString();
  const progress = courses.slice(0, 100).map((c, i) => ({
    learnerId: 'mailto:bench@example.com',
    courseId: c.id,
    registration: 'r',
    lessons: {},
    timeSpentMs: 0,
    startedAt: at,
    updatedAt: at,
    ...(i % 3 === 0 ? { completedAt: at } : {}),
  }));
  return { catalog: { schema: 1, courses }, progress };
}

/** Search, filters and sort over 1,000 courses, and the element rendering them. */
export default async function (): Promise<BenchResult[]> {
  const { catalog, progress } = bigCatalog();
  const items = catalogItems({ catalog, progress, now: new Date() });
  const search = await medianMs(() => filterCatalog(items, { text: 'fridge oven', sort: 'relevance' }), 50, 5);
  const filters = await medianMs(
    () => filterCatalog(items, { tag: 'safety', language: 'en', status: 'not-enrolled', sort: 'title' }),
    50,
    5,
  );
  const build = await medianMs(() => catalogItems({ catalog, progress, now: new Date() }), 50, 5);

  const storage = new MemoryAdapter();
  for (const p of progress) await storage.updateProgress({ learnerId: p.learnerId, courseId: p.courseId }, () => p);
  const provider = document.createElement('lms-provider');
  provider.setAttribute('learner-email', 'bench@example.com');
  (provider as unknown as { storage: MemoryAdapter }).storage = storage;
  const element = document.createElement('lms-catalog') as LmsCatalog;
  provider.append(element);
  document.body.append(provider);
  const cards = () => element.shadowRoot?.querySelectorAll('article').length ?? 0;
  const render = await medianMs(
    async () => {
      element.catalog = { ...catalog };
      while (cards() !== 48 || element.shadowRoot?.querySelector('[aria-busy]')) await new Promise((r) => setTimeout(r, 5));
    },
    5,
    1,
  );
  // Typing in the search box: from the input event to the filtered list on screen.
  const input = element.shadowRoot?.querySelector('input[type="search"]') as HTMLInputElement;
  let flip = false;
  const typing = await medianMs(
    async () => {
      flip = !flip;
      input.value = flip ? 'fridge' : '';
      input.dispatchEvent(new Event('input'));
      await element.updateComplete;
    },
    21,
    3,
  );
  provider.remove();

  return [
    { name: 'catalog: search 1,000 courses (two words)', value: search, unit: 'ms', note: 'median of 50, filterCatalog' },
    {
      name: 'catalog: filter 1,000 courses by tag, language and status, sorted by title',
      value: filters,
      unit: 'ms',
      note: 'median of 50',
    },
    {
      name: 'catalog: the learner’s view of 1,000 courses (status, flags, actions)',
      value: build,
      unit: 'ms',
      note: 'median of 50, catalogItems',
    },
    {
      name: 'catalog: <lms-catalog> loads 1,000 courses and renders the first 48 cards',
      value: render,
      unit: 'ms',
      note: 'median of 5, memory storage',
    },
    {
      name: 'catalog: a keystroke in the search box to the re-rendered list',
      value: typing,
      unit: 'ms',
      note: 'median of 21, 48 cards shown of 1,000 ↔ ~130',
    },
  ];
}
