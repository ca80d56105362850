import type { Course, LessonResult } from '@lms-kit/core';
import type { AttemptResult } from '@lms-kit/core/quiz';
import { courseActivity, lessonActivityId } from '@lms-kit/core/xapi';
import type { QuizContext } from './quiz-session.js';

/** Where a quiz lesson's attempts are kept and how its statements name it: under the course, as the lesson. */
export function quizLessonContext(course: Course, lesson: { id: string; title: string }, registration?: string): QuizContext {
  return {
    courseId: course.id,
    activityId: lessonActivityId(course, lesson.id),
    registration,
    course: courseActivity(course),
    title: lesson.title,
    language: course.language,
  };
}

/**
 * What a quiz attempt means to its lesson: passed (or submitted, for a quiz without a passing score)
 * completes it, with the score; failed keeps it open. Undefined while an answer waits for grading.
 */
export function quizLessonResult(result: AttemptResult): LessonResult | undefined {
  if (result.pending) return undefined;
  const score = result.max > 0 ? { scaled: result.scaled, raw: result.raw, min: 0, max: result.max } : undefined;
  return { completed: result.passed !== false, passed: result.passed, ...(score ? { score } : {}) };
}
