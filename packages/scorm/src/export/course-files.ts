import { LmsError, courseLessons, type Course } from '@lms-kit/core';

const URL_FIELDS = new Set(['src', 'poster']);
const ABSOLUTE = /^(?:[a-z][a-z0-9+.-]*:|\/\/|\/)/i;

/**
 * The files a course refers to by relative URL (lesson `src`, video `poster`, caption tracks, other
 * renditions…): these must travel inside the package. Absolute URLs stay where they are.
 */
export function courseFileReferences(course: Course): string[] {
  const found = new Set<string>();
  const visit = (value: unknown, key?: string): void => {
    if (typeof value === 'string') {
      if (key && URL_FIELDS.has(key) && value && !ABSOLUTE.test(value)) found.add(normalizePath(value.split(/[?#]/)[0]));
    } else if (Array.isArray(value)) value.forEach((item) => visit(item, key));
    else if (value && typeof value === 'object') for (const [name, item] of Object.entries(value)) visit(item, name);
  };
  for (const lesson of courseLessons(course)) visit(lesson);
  return [...found].sort();
}

/** A package path: `./` dropped, no `..`, no absolute path; anything else is refused. */
export function normalizePath(path: string): string {
  const parts = path
    .replace(/\\/g, '/')
    .split('/')
    .filter((part) => part !== '' && part !== '.');
  if (!parts.length || parts.includes('..') || ABSOLUTE.test(path)) {
    throw new LmsError('export/unsafe-path', `"${path}" is not a path inside the package.`);
  }
  return parts.join('/');
}
