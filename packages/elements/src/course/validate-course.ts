/**
 * Course validation with every lesson kind the elements can show, loaded with the first course.
 * Kinds whose views load on demand register their validation here, so it never weighs on the page.
 * The registration happens in the call, not at module level: bundlers may drop a module whose only
 * work is a top-level side effect (this package's `sideEffects` lists only `define/` files).
 */
import { parseCourse as parseWithKinds, registerLessonKind } from '@lms-kit/core/validate';
import { scormLessonKind } from '@lms-kit/scorm/lesson-kind';

let registered = false;

/** `parseCourse` from `@lms-kit/core/validate`, with the `scorm` lesson kind registered first. */
export function parseCourse(...args: Parameters<typeof parseWithKinds>): ReturnType<typeof parseWithKinds> {
  if (!registered) registerLessonKind(scormLessonKind);
  registered = true;
  return parseWithKinds(...args);
}

/** Registers the lesson kinds the elements add to core's (an editor validates drafts with them). */
export function registerElementLessonKinds(): void {
  if (!registered) registerLessonKind(scormLessonKind);
  registered = true;
}
