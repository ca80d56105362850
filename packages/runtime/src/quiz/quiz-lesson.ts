import type { Course } from '@lms-kit/core';
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

export { quizLessonResult } from '@lms-kit/core/quiz';
