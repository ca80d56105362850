import { cloneJson } from './clone.js';
import type { Course } from '../course/model.js';
import { parseCourse } from '../course/validate.js';
import { diffCourses, type ChangeSummary } from './diff.js';
import { objectRefs, resolveRefs, type LearningObject } from './objects.js';

/** A published version of a course: immutable once made. */
export interface CourseVersion {
  courseId: string;
  /** 1, 2, 3… per course; the course's `version` is this number as a string, so learners' progress moves to it. */
  number: number;
  /** What learners get: the course with shared objects resolved and `version` set. */
  course: Course;
  /** What the author wrote: shared objects still as references (what "update everywhere" re-resolves). */
  source: unknown;
  /** What changed since the version before (everything is `added` in version 1). */
  changes: ChangeSummary;
  /** Shared objects (ids) the version uses. */
  objects: string[];
  publishedAt: string;
  publishedBy: string;
  note?: string;
  /** Set on a roll back: the version whose content this one publishes again. */
  rolledBackFrom?: number;
}

/** A version without its content, as lists show it. */
export type CourseVersionInfo = Omit<CourseVersion, 'course' | 'source'>;

export const versionInfo = ({ course: _course, source: _source, ...info }: CourseVersion): CourseVersionInfo => info;

const EMPTY: Course = { schema: 1, id: '', title: '', modules: [] };

/**
 * The next version of a course from `source` (a draft, possibly with shared-object references):
 * references resolved, the result validated (`course/invalid` with every issue otherwise), numbered
 * after `previous`, with its change summary against it.
 */
export function makeVersion(
  previous: CourseVersion | undefined,
  source: unknown,
  objects: ReadonlyMap<string, LearningObject>,
  meta: { by: string; at: Date; note?: string; rolledBackFrom?: number },
): CourseVersion {
  const number = (previous?.number ?? 0) + 1;
  const resolved = resolveRefs(cloneJson(source), objects);
  const course = parseCourse({ ...resolved, version: String(number) });
  return {
    courseId: course.id,
    number,
    course,
    source: cloneJson(source),
    changes: diffCourses(previous?.course ?? { ...EMPTY, id: course.id }, course),
    objects: objectRefs(source),
    publishedAt: meta.at.toISOString(),
    publishedBy: meta.by,
    ...(meta.note ? { note: meta.note } : {}),
    ...(meta.rolledBackFrom ? { rolledBackFrom: meta.rolledBackFrom } : {}),
  };
}

/** Every course's content compared between two versions: the diff view. */
export const compareVersions = (from: CourseVersion, to: CourseVersion): ChangeSummary => diffCourses(from.course, to.course);

/** Rolling back to `old`: its content exactly as it was, published again as the version after `previous`; history is never rewritten. */
export function rollBackVersion(previous: CourseVersion, old: CourseVersion, meta: { by: string; at: Date; note?: string }): CourseVersion {
  const version = makeVersion(previous, old.course, new Map(), { ...meta, rolledBackFrom: old.number });
  return { ...version, source: cloneJson(old.source), objects: [...old.objects] };
}
