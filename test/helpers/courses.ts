import type { Course } from '@lms-kit/core';

/** A small course exercising every rule: prerequisites, points, a remedial branch, an optional lesson. */
export function ruleCourse(overrides: Partial<Course> = {}): Course {
  return {
    schema: 1,
    id: 'rules-101',
    version: '1.0.0',
    title: 'Rules 101',
    language: 'en',
    modules: [
      {
        id: 'basics',
        title: 'Basics',
        lessons: [
          { id: 'welcome', kind: 'text', title: 'Welcome', html: '<p>Hello</p>', points: 10 },
          { id: 'read-more', kind: 'text', title: 'Read more', html: '<p>More</p>', points: 10, prerequisites: ['welcome'] },
          { id: 'extra', kind: 'text', title: 'Extra reading', html: '<p>Extra</p>', optional: true },
        ],
      },
      {
        id: 'practice',
        title: 'Practice',
        prerequisites: ['basics'],
        lessons: [
          {
            id: 'check',
            kind: 'embed',
            title: 'Knowledge check',
            src: '/test/pages/result-reporter.html',
            completion: 'message',
            points: 20,
          },
          { id: 'review', kind: 'text', title: 'Review the basics', html: '<p>Again</p>', remedialFor: 'check' },
          { id: 'bonus', kind: 'text', title: 'Bonus', html: '<p>Bonus</p>', unlock: { points: 40 } },
        ],
      },
    ],
    ...overrides,
  };
}

/** A course of `n` text lessons, for keyboard and resume tests. */
export function textCourse(id: string, lessons: number, html = (i: number) => `<p>Lesson ${i}</p>`): Course {
  return {
    schema: 1,
    id,
    title: `Course ${id}`,
    language: 'en',
    modules: [
      {
        id: 'm1',
        title: 'Module one',
        lessons: Array.from({ length: lessons }, (_, i) => ({
          id: `l${i + 1}`,
          kind: 'text' as const,
          title: `Lesson ${i + 1}`,
          html: html(i + 1),
        })),
      },
    ],
  };
}
