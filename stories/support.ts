import { applyLessonResult, createProgress, openLesson, type Course, type LessonResult } from '@lms-kit/core';
import { MemoryAdapter, type StorageAdapter } from '@lms-kit/storage';
import { html, type TemplateResult } from 'lit';

export const LEARNER_EMAIL = 'jamie@example.com';
const learnerId = `mailto:${LEARNER_EMAIL}`;

/** A memory adapter holding progress as if the learner had already done `steps`. */
export async function storageWithProgress(
  course: Course,
  steps: Array<[string, LessonResult]> = [],
  lastLessonId?: string,
): Promise<StorageAdapter> {
  const storage = new MemoryAdapter();
  if (steps.length === 0 && !lastLessonId) return storage;
  const now = new Date('2026-11-01T09:00:00Z');
  let progress = createProgress(course, learnerId, '4a8f7c1e-2b3d-4e5f-8a9b-0c1d2e3f4a5b', now);
  for (const [lessonId, result] of steps) progress = applyLessonResult(openLesson(progress, lessonId, now), course, lessonId, result, now);
  if (lastLessonId) progress = openLesson(progress, lastLessonId, now);
  progress = { ...progress, timeSpentMs: steps.length * 4 * 60_000 };
  await storage.updateProgress({ learnerId, courseId: course.id }, () => progress);
  await storage.setValue(`lms-kit:course-outline:${course.id}`, course);
  return storage;
}

let currentLocale = 'en';

/** Set by the toolbar's language (see .storybook/preview.ts) before each story renders. */
export function setStoryLocale(locale: string): void {
  currentLocale = locale;
}

/** The interface language chosen in Storybook's toolbar. */
export function storyLocale(): string {
  return currentLocale;
}

/** The toolbar's themes: the provider's three, and the demo bakery's brand (light, with its own tokens). */
export type StoryTheme = 'light' | 'dark' | 'high-contrast' | 'bakery';
let currentTheme: StoryTheme = 'light';

/** Set by the toolbar's theme (see .storybook/preview.ts) before each story renders. */
export function setStoryTheme(theme: StoryTheme): void {
  currentTheme = theme;
}

/** The `theme` of the stories' providers: a brand is tokens over the light theme. */
export function storyTheme(): 'light' | 'dark' | 'high-contrast' {
  return currentTheme === 'bakery' ? 'light' : currentTheme;
}

/** Wraps a story in a provider with the given storage, a named learner, the toolbar's language and theme. */
export function withProvider(storage: StorageAdapter, content: TemplateResult, locale = currentLocale): TemplateResult {
  return html`<lms-provider
    learner-name="Jamie Rivera"
    learner-email=${LEARNER_EMAIL}
    locale=${locale}
    theme=${storyTheme()}
    .storage=${storage}
    >${content}</lms-provider
  >`;
}

export async function loadDemoCourse(): Promise<Course> {
  const response = await fetch('/demo/course/food-safety.json');
  return (await response.json()) as Course;
}

/** The demo course with its lesson URLs made absolute, for stories that pass the course as a property. */
export function absoluteCourse(course: Course): Course {
  const base = new URL('/demo/course/', location.href);
  const absolute = (url: string) => new URL(url, base).href;
  return {
    ...course,
    modules: course.modules.map((module) => ({
      ...module,
      lessons: module.lessons.map((lesson) => {
        const copy = { ...lesson } as Record<string, unknown>;
        for (const field of ['src', 'poster']) if (typeof copy[field] === 'string') copy[field] = absolute(copy[field] as string);
        if (Array.isArray(copy.captions))
          copy.captions = (copy.captions as Array<{ src: string }>).map((t) => ({ ...t, src: absolute(t.src) }));
        return copy as unknown as typeof lesson;
      }),
    })),
  };
}
