import type { Course, LessonBase } from '../course/model.js';
import { isAssessmentLesson } from '../course/lesson-kinds.js';
import type { CourseFacts } from './model.js';

/** What badge rules need of a course (or of its outline): tags, each module's required lessons, its assessments. */
export function courseFacts(course: Pick<Course, 'id' | 'tags'> & { modules: Array<{ id: string; lessons: LessonBase[] }> }): CourseFacts {
  const lessons = course.modules.flatMap((module) => module.lessons);
  return {
    id: course.id,
    tags: course.tags,
    modules: course.modules.map((module) => ({
      id: module.id,
      lessonIds: module.lessons.filter((lesson) => !lesson.optional && !lesson.remedialFor).map((lesson) => lesson.id),
    })),
    assessmentIds: lessons.filter((lesson) => isAssessmentLesson(lesson as unknown as Record<string, unknown>)).map((lesson) => lesson.id),
  };
}
