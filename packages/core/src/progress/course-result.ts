import type { Course } from '../course/model.js';
import type { CourseProgress, CourseResult } from './model.js';
import { bestScore, markCourseCompletion } from './mutations.js';

/**
 * Applies the course's result as its content rolled it up (a SCORM 2004 package played as the whole
 * course). Like lesson results, completion and success only move forward and the best score is kept;
 * once present, this result decides the course's completion.
 */
export function applyCourseResult(progress: CourseProgress, course: Course, result: CourseResult, now: Date): CourseProgress {
  const previous = progress.result;
  // A course already completed (before its content rolled up a result, say) stays completed.
  const next: CourseResult = { completed: previous?.completed === true || result.completed || progress.completedAt !== undefined };
  const passed = previous?.passed === true ? true : (result.passed ?? previous?.passed);
  if (passed !== undefined) next.passed = passed;
  const score = bestScore(previous?.score, result.score);
  if (score) next.score = score;
  if (previous && JSON.stringify(previous) === JSON.stringify(next)) return progress;
  return markCourseCompletion({ ...progress, result: next, updatedAt: now.toISOString() }, course, now);
}
