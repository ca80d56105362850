import type { Course, CourseVariant } from '../course/model.js';
import { readXliff, replaceStrings, translatableStrings } from '../course/xliff.js';

const primary = (tag: string) => tag.toLowerCase().split('-')[0];

/** The course's languages: its base language first, then its variants'. */
export function courseLanguages(course: Course): string[] {
  return [course.language ?? 'en', ...Object.keys(course.variants ?? {})];
}

/**
 * The language a learner gets: the first of `preferences` (provider locale, page `lang`, browser
 * languages, in that order) the course has, matched exactly and then by primary language (`fr-CA` → `fr`);
 * the base language when none is.
 */
export function pickCourseLanguage(course: Course, preferences: readonly (string | null | undefined)[]): string {
  const languages = courseLanguages(course);
  for (const wanted of preferences) {
    if (!wanted) continue;
    const exact = languages.find((language) => language.toLowerCase() === wanted.toLowerCase());
    const close = exact ?? languages.find((language) => primary(language) === primary(wanted));
    if (close) return close;
  }
  return languages[0];
}

export interface TranslationStatus {
  language: string;
  /** Paths of base strings the variant has no translation of (shown in the base language). */
  untranslated: string[];
  /** Paths whose base text changed since they were translated (the translation is shown, to review). */
  outdated: string[];
  /** Base strings in all, and how many of them are translated and current. */
  total: number;
  current: number;
}

/** What is left to translate in one variant, for the editor's translation view. */
export function translationStatus(course: Course, language: string): TranslationStatus {
  const strings = course.variants?.[language]?.strings ?? {};
  const untranslated: string[] = [];
  const outdated: string[] = [];
  const base = translatableStrings(course);
  for (const [path, text] of base) {
    const translated = strings[path];
    if (!translated) untranslated.push(path);
    else if (translated.source !== text) outdated.push(path);
  }
  return { language, untranslated, outdated, total: base.size, current: base.size - untranslated.length - outdated.length };
}

export interface LocalizedCourse {
  /** The course with the variant's strings in place (and `language` set to it); the base course when it is the base language. */
  course: Course;
  language: string;
  /** The base language, for the strings that fall back to it. */
  baseLanguage: string;
  /** Paths shown in the base language because the variant has no translation. */
  fallback: ReadonlySet<string>;
}

/** The course in `language`: the variant's translations in place, every other string from the base. */
export function localizeCourse(course: Course, language: string): LocalizedCourse {
  const baseLanguage = course.language ?? 'en';
  const variant = course.variants?.[language];
  if (!variant || language === baseLanguage) return { course, language: baseLanguage, baseLanguage, fallback: new Set() };
  const replacements = new Map(Object.entries(variant.strings).map(([path, { target }]) => [path, target]));
  const fallback = new Set([...translatableStrings(course).keys()].filter((path) => !replacements.has(path)));
  const { variants: _variants, ...base } = course;
  return { course: { ...replaceStrings(base as Course, replacements), language }, language, baseLanguage, fallback };
}

/** The language of one string of a localized course, by path: the variant's, or the base's when it fell back. */
export function stringLanguage(localized: Pick<LocalizedCourse, 'language' | 'baseLanguage' | 'fallback'>, path: string): string {
  return localized.fallback.has(path) ? localized.baseLanguage : localized.language;
}

/**
 * Adds (or replaces) the variant a translated XLIFF 2.0 document describes: units with a target become
 * the variant's strings, kept with the source they were translated from so later base changes show as
 * outdated. Throws `translation/invalid-xliff` as `applyXliff` does; the base course is not changed.
 */
export function importVariant(course: Course, xliff: string): { course: Course; status: TranslationStatus } {
  const { language, units } = readXliff(course, xliff);
  const base = translatableStrings(course);
  const strings: CourseVariant['strings'] = {};
  for (const [path, unit] of units) if (unit.target && base.has(path)) strings[path] = { source: unit.source, target: unit.target };
  const next: Course = { ...course, variants: { ...course.variants, [language]: { strings } } };
  return { course: next, status: translationStatus(next, language) };
}
