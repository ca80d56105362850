import { fixture, html, waitUntil } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Catalog, CourseProgress } from '@lms-kit/core';
import { MemoryAdapter } from '@lms-kit/storage';
import type { LmsProvider } from '@lms-kit/elements';
import '@lms-kit/elements/all';
import '@lms-kit/elements/define/lms-embed-lesson';

/**
 * The management and engagement views and the embed lesson on one page, in one interface locale (the
 * other elements are in element-gallery.ts): a catalog, the learner's dashboard, a course report, the
 * grading queue, the leaderboard, the reminders. Course titles are Greek (content, never interface text).
 */
const LEARNER = 'mailto:ada@example.com';
const DAY = 86_400_000;
const iso = (days: number) => new Date(Date.now() + days * DAY).toISOString();

const catalog: Catalog = {
  schema: 1,
  courses: [
    { id: 'food-safety', title: 'Ἀσφάλεια τροφίμων', enrollment: { assigned: true, dueAt: iso(-2) } },
    { id: 'fire', title: 'Πυρασφάλεια', enrollment: { assigned: true, dueAt: iso(3) } },
    { id: 'knife-skills', title: 'Μαχαίρια', selfEnroll: true },
    { id: 'coffee', title: 'Καφές', selfEnroll: true },
  ],
};

function progress(courseId: string, done: number, completedDaysAgo?: number): CourseProgress {
  const at = iso(-1);
  const lessons: CourseProgress['lessons'] = {};
  for (let i = 0; i <= done && i < 3; i++)
    lessons[`l${i}`] = { status: i < done ? 'completed' : 'in-progress', openedAt: at, timeSpentMs: 60_000 };
  return {
    learnerId: LEARNER,
    courseId,
    registration: 'r',
    lessons,
    lastLessonId: 'l0',
    timeSpentMs: 60_000 * (done + 1),
    startedAt: at,
    updatedAt: at,
    ...(completedDaysAgo !== undefined
      ? { completedAt: iso(-completedDaysAgo), result: { completed: true, passed: true, score: { scaled: 0.8 } } }
      : {}),
  };
}

export const VIEW_ELEMENTS = [
  'lms-catalog',
  'lms-my-learning',
  'lms-report',
  'lms-grading',
  'lms-leaderboard',
  'lms-notifications',
  'lms-embed-lesson',
];

/** `theme`: the provider's `theme` attribute (light when absent). */
export async function renderViews(locale: string, theme?: string): Promise<LmsProvider> {
  const storage = new MemoryAdapter();
  for (const p of [progress('food-safety', 1), progress('coffee', 3, 3)])
    await storage.updateProgress({ learnerId: LEARNER, courseId: p.courseId }, () => p);
  const catalogUrl = `data:application/json,${encodeURIComponent(JSON.stringify(catalog))}`;
  const provider = await fixture<LmsProvider>(html`
    <lms-provider learner-email="ada@example.com" learner-name="Ἀδὰ" locale=${locale} theme=${ifDefined(theme)} .storage=${storage}>
      <div class="gallery" style="display: grid; gap: 1rem; inline-size: 56rem">
        <lms-catalog data-gallery="lms-catalog" .catalog=${catalog}></lms-catalog>
        <lms-my-learning data-gallery="lms-my-learning" .catalog=${catalog}></lms-my-learning>
        <lms-report data-gallery="lms-report" view="course" course="food-safety"></lms-report>
        <lms-grading data-gallery="lms-grading"></lms-grading>
        <lms-leaderboard data-gallery="lms-leaderboard" period="all"></lms-leaderboard>
        <lms-notifications data-gallery="lms-notifications" catalog=${catalogUrl}></lms-notifications>
        <lms-embed-lesson
          data-gallery="lms-embed-lesson"
          .baseUrl=${new URL('/test/pages/', location.href).href}
          .lesson=${{ id: 'e', kind: 'embed', title: 'Ἔλεγχος', src: 'empty.html', completion: 'message', height: 120 }}
        ></lms-embed-lesson>
      </div>
    </lms-provider>
  `);
  for (const name of VIEW_ELEMENTS)
    await waitUntil(
      () => {
        const root = provider.querySelector(`[data-gallery="${name}"]`)?.shadowRoot;
        const text = root?.textContent?.trim() ?? '';
        return root && !root.querySelector('[aria-busy="true"]') && text && !/…$/.test(text) && root.querySelector('[part~="base"]');
      },
      `${name} did not render in ${locale}`,
      { timeout: 15_000 },
    );
  return provider;
}
