import { courseLessons, type Course } from '../course/model.js';
import { markCourseCompletion } from './mutations.js';
import type { CourseProgress, LessonProgress } from './model.js';

/**
 * Moves a learner's progress to the course's current `version` (seed 001: versioning). Lessons that
 * still exist keep their progress; new lessons start as not started; progress of removed lessons
 * moves to `retiredLessons`, where it no longer counts (completion, percent, points) but is not lost,
 * and comes back if a later version brings the lesson back. A completion already earned stands; one
 * the removed lessons were holding back is recorded now. Unchanged when the version is the same.
 */
export function migrateProgressVersion(progress: CourseProgress, course: Course, now: Date): CourseProgress {
  if (course.version === undefined || progress.courseVersion === course.version) return progress;
  const ids = new Set(courseLessons(course).map((lesson) => lesson.id));
  const lessons: Record<string, LessonProgress> = {};
  const retired: Record<string, LessonProgress> = {};
  for (const [id, lesson] of Object.entries(progress.lessons)) (ids.has(id) ? lessons : retired)[id] = lesson;
  for (const [id, lesson] of Object.entries(progress.retiredLessons ?? {})) {
    if (ids.has(id) && !lessons[id]) lessons[id] = lesson;
    else if (!ids.has(id)) retired[id] ??= lesson;
  }
  const next: CourseProgress = {
    ...progress,
    courseVersion: course.version,
    lessons,
    versionHistory: [
      ...(progress.versionHistory ?? []),
      { from: progress.courseVersion ?? null, to: course.version, at: now.toISOString() },
    ],
    updatedAt: now.toISOString(),
  };
  if (Object.keys(retired).length) next.retiredLessons = retired;
  else delete next.retiredLessons;
  if (next.lastLessonId && !ids.has(next.lastLessonId)) delete next.lastLessonId;
  return markCourseCompletion(next, course, now);
}
