import type { Course } from '@lms-kit/core';
import { localizeCourse, pickCourseLanguage, stringLanguage } from '@lms-kit/core/authoring';

/** The language of each string of a course as shown: by path (`title`, `<module>/title`, `<module>/<lesson>/title`). */
export type ContentLanguageOf = (path: string) => string | undefined;

/**
 * A course with language variants, in the learner's language (the first of `preferences` it has: provider
 * locale, page `lang`, browser languages), untranslated strings from the base, and the language of each
 * string, so every text node is marked with the language it is really in. Loaded only for such courses.
 */
export function localizeForLearner(
  course: Course,
  preferences: readonly (string | undefined)[],
): { course: Course; languageOf: ContentLanguageOf } {
  const localized = localizeCourse(course, pickCourseLanguage(course, preferences));
  return { course: localized.course, languageOf: (path) => stringLanguage(localized, path) };
}
