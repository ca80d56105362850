import { LmsError, type Catalog, type CourseProgress } from '@lms-kit/core';
import { MemoryAdapter, type StorageAdapter } from '@lms-kit/storage';
import { LEARNER_EMAIL } from './support.js';

const learnerId = `mailto:${LEARNER_EMAIL}`;
const DAY = 86_400_000;
const iso = (days: number) => new Date(Date.now() + days * DAY).toISOString();

/** The demo bakery's catalog, with dates relative to today so "new", "due" and "overdue" always show. */
export function bakeryCatalog(): Catalog {
  return {
    schema: 1,
    title: 'Northwind Bakery training',
    courses: [
      {
        id: 'food-safety-basics',
        title: 'Food safety basics',
        description: 'Handwashing, allergens and the fridge danger zone, before your first shift.',
        url: '/demo/staff.html',
        durationMinutes: 45,
        language: 'en',
        tags: ['food safety', 'onboarding'],
        required: true,
        enrollment: { assigned: true, dueAt: iso(-3) },
      },
      {
        id: 'fire-safety',
        title: 'Fire safety in the bakery',
        description: 'Ovens, fryers and flour dust; where the extinguishers are.',
        durationMinutes: 25,
        language: 'en',
        tags: ['safety'],
        required: true,
        enrollment: { assigned: true, dueAt: iso(12) },
      },
      {
        id: 'knife-skills',
        title: 'Knife skills',
        description: 'The claw, sharpening and cleaning.',
        durationMinutes: 20,
        language: 'en',
        tags: ['kitchen', 'safety'],
        selfEnroll: true,
        publishedAt: iso(-4),
      },
      {
        id: 'barista-basics',
        title: 'Barista basics',
        description: 'Espresso, milk texture and cleaning the machine.',
        durationMinutes: 60,
        language: 'en',
        tags: ['coffee'],
        prerequisites: ['food-safety-basics'],
        selfEnroll: true,
      },
      {
        id: 'higiene-alimentaria',
        title: 'Higiene alimentaria',
        description: 'El curso de seguridad alimentaria en español.',
        durationMinutes: 45,
        language: 'es',
        tags: ['food safety'],
        selfEnroll: true,
      },
      {
        id: 'shift-leadership',
        title: 'Leading a shift',
        description: 'Planning the day, briefing the team, closing the shop.',
        durationMinutes: 90,
        language: 'en',
        tags: ['leadership'],
        prerequisites: ['food-safety-basics', 'fire-safety'],
        availableFrom: iso(35),
      },
    ],
  };
}

function progress(courseId: string, lessons: string[], completedDaysAgo?: number): CourseProgress {
  const at = iso(-2);
  return {
    learnerId,
    courseId,
    registration: `r-${courseId}`,
    lessons: Object.fromEntries(lessons.map((id) => [id, { status: 'completed' as const, openedAt: at, timeSpentMs: 240_000 }])),
    lastLessonId: lessons[lessons.length - 1],
    timeSpentMs: lessons.length * 240_000,
    startedAt: at,
    updatedAt: at,
    ...(completedDaysAgo !== undefined ? { completedAt: iso(-completedDaysAgo) } : {}),
  };
}

/** A learner part-way through the catalog: one assigned course started, one optional course completed with a certificate. */
export async function learnerStorage(): Promise<StorageAdapter> {
  const storage = new MemoryAdapter();
  for (const p of [progress('food-safety-basics', ['welcome', 'handwashing']), progress('knife-skills', ['grip', 'the-claw'], 6)])
    await storage.updateProgress({ learnerId, courseId: p.courseId }, () => p);
  await storage.putRecord('certificates', {
    id: 'urn:uuid:7d1c2c8e-0f0b-4d8e-9a34-5b1f1e0b6a11',
    learnerId,
    courseId: 'knife-skills',
    courseTitle: 'Knife skills',
    issuedAt: iso(-340),
    expiresAt: iso(25),
    remindDays: 30,
  });
  return storage;
}

/** Storage whose reads never finish: the loading state. */
export function pendingStorage(): StorageAdapter {
  const storage = new MemoryAdapter();
  storage.listProgress = () => new Promise(() => {});
  storage.listRecords = () => new Promise(() => {});
  return storage;
}

/** A server that refuses the signed-in role. */
export function forbiddenStorage(): StorageAdapter {
  return Object.assign(new MemoryAdapter(), {
    readCatalog: () => Promise.reject(new LmsError('auth/forbidden', 'Your role may not read this catalog.')),
    enrollInCourse: () => Promise.reject(new LmsError('auth/forbidden', 'Your role may not enroll.')),
  });
}
