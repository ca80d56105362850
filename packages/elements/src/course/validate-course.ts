/**
 * Course validation with every lesson kind the elements can show, loaded with the first course.
 * Kinds whose views load on demand register their validation here, so it never weighs on the page.
 */
import { parseCourse, registerLessonKind } from '@lms-kit/core/validate';
import { scormLessonKind } from '@lms-kit/scorm/lesson-kind';

registerLessonKind(scormLessonKind);

export { parseCourse };
