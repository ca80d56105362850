/** Course validation on its own, for code that loads it only when a course document arrives. */
export { validateCourse, parseCourse } from './course/validate.js';
export {
  registerLessonKind,
  getLessonKind,
  lessonKindNames,
  isAssessmentLesson,
  type LessonKindDefinition,
} from './course/lesson-kinds.js';
