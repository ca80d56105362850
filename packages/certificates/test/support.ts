import { applyLessonResult, createProgress, learnerFromActor, type Course, type CourseCertificateRule, type Learner } from '@lms-kit/core';
import { MemoryAdapter } from '@lms-kit/storage';
import { textCourse } from '../../../test/helpers/courses.js';

export const learner: Learner = learnerFromActor({ mbox: 'jamie@example.com', name: 'Jamie Rivera' });

export function certifiedCourse(rule: Partial<CourseCertificateRule> = {}, id = 'safety'): Course {
  return {
    ...textCourse(id, 2),
    title: 'Food safety basics',
    version: '2026.1',
    certificate: {
      issuer: { name: 'Northwind Bakery', url: 'https://intranet.northwind-bakery.example' },
      validity: { months: 12 },
      verifyUrl: 'https://intranet.northwind-bakery.example/verify',
      ...rule,
    },
  };
}

/** A memory store where `who` has completed `course` at `at`. */
export async function completedIn(course: Course, at = new Date('2026-03-02T09:00:00Z'), who: Learner = learner): Promise<MemoryAdapter> {
  const storage = new MemoryAdapter();
  let progress = createProgress(course, who.id, 'reg-1', at);
  for (const module of course.modules)
    for (const lesson of module.lessons) progress = applyLessonResult(progress, course, lesson.id, { completed: true }, at);
  await storage.updateProgress({ learnerId: who.id, courseId: course.id }, () => progress);
  return storage;
}

export function uniqueDb(prefix: string): string {
  return `${prefix}-${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

/** Every leaf of a JSON value, as a path and a setter on a deep copy. */
export function leafPaths(value: unknown, path: Array<string | number> = []): Array<Array<string | number>> {
  if (Array.isArray(value)) return value.flatMap((item, index) => leafPaths(item, [...path, index]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => leafPaths(item, [...path, key]));
  return [path];
}

/** A deep copy of `value` with the leaf at `path` changed to a different value of the same type. */
export function tamperAt<T>(value: T, path: Array<string | number>): T {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  const old = parent[last];
  parent[last] = typeof old === 'string' ? `${old}x` : typeof old === 'number' ? old + 1 : typeof old === 'boolean' ? !old : 'x';
  return copy as T;
}
