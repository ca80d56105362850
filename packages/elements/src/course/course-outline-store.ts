import type { Course, LessonBase } from '@lms-kit/core';
import type { StorageAdapter } from '@lms-kit/storage';

const outlineKey = (courseId: string) => `lms-kit:course-outline:${courseId}`;

/** The course's structure without lesson content: enough for progress views and reports. */
export type CourseOutline = Omit<Course, 'modules'> & {
  modules: Array<Omit<Course['modules'][number], 'lessons'> & { lessons: LessonBase[] }>;
};

const LESSON_FIELDS = ['id', 'kind', 'title', 'minutes', 'points', 'prerequisites', 'unlock', 'remedialFor', 'optional'] as const;

export function courseOutline(course: Course): CourseOutline {
  return {
    ...course,
    modules: course.modules.map((module) => ({
      ...module,
      lessons: module.lessons.map((lesson) => {
        const kept: Record<string, unknown> = {};
        for (const field of LESSON_FIELDS) if (lesson[field] !== undefined) kept[field] = lesson[field];
        return kept as unknown as LessonBase;
      }),
    })),
  };
}

/** Kept by the player so a `<lms-progress course="id">` elsewhere can show the course without its JSON. */
export function saveCourseOutline(storage: StorageAdapter, course: Course): Promise<void> {
  return storage.setValue(outlineKey(course.id), courseOutline(course));
}

export function readCourseOutline(storage: StorageAdapter, courseId: string): Promise<CourseOutline | undefined> {
  return storage.getValue<CourseOutline>(outlineKey(courseId));
}
