import { cloneJson } from './clone.js';
import { LmsError, type ValidationIssue } from '../errors.js';
import type { Course, Lesson } from '../course/model.js';
import type { Question } from '../quiz/model.js';

export type LearningObjectKind = 'lesson' | 'question' | 'media';

/** Media kept once: a file URL (and its type) that lessons use through `"lo:<id>"` as a `src` or `poster`. */
export interface SharedMedia {
  src: string;
  type?: string;
}

/** A lesson, question or media file stored once in the repository and used by many courses. */
export interface LearningObject {
  id: string;
  kind: LearningObjectKind;
  title: string;
  tags: string[];
  /** A `Lesson`, a `Question` or `SharedMedia`, by `kind`. */
  content: Lesson | Question | SharedMedia;
  /** Bumped by every saved change. */
  version: number;
  updatedAt: string;
}

export interface LearningObjectQuery {
  /** Words found in the title (case-insensitive). */
  text?: string;
  tag?: string;
  kind?: LearningObjectKind;
}

/**
 * Where a course uses a shared object: a lesson `{ "ref": "lo:<id>" }` in a module's lessons, a question
 * `{ "ref": "lo:<id>" }` in a quiz's questions, or the string `"lo:<id>"` as a lesson's `src` or `poster`.
 * A lesson reference may carry its own `id` (its id in this course; default the object's lesson id).
 */
export interface ObjectRef {
  ref: string;
  id?: string;
}

export const REF_PREFIX = 'lo:';
const isRef = (value: unknown): value is ObjectRef =>
  !!value && typeof value === 'object' && typeof (value as ObjectRef).ref === 'string' && (value as ObjectRef).ref.startsWith(REF_PREFIX);
const isMediaRef = (value: unknown): value is string => typeof value === 'string' && value.startsWith(REF_PREFIX);
const objectId = (ref: string) => ref.slice(REF_PREFIX.length);

/** The ids of the shared objects a course (a draft with references) uses, sorted. */
export function objectRefs(course: unknown): string[] {
  const found = new Set<string>();
  const visit = (value: unknown) => {
    if (isRef(value)) found.add(objectId(value.ref));
    else if (isMediaRef(value)) found.add(objectId(value));
    else if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') Object.values(value).forEach(visit);
  };
  visit(course);
  return [...found].sort();
}

/** True when a title or tag search matches the object. */
export function matchesObject(object: LearningObject, query: LearningObjectQuery): boolean {
  if (query.kind && object.kind !== query.kind) return false;
  if (query.tag && !object.tags.includes(query.tag)) return false;
  const words = (query.text ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  return words.every((word) => object.title.toLowerCase().includes(word));
}

/**
 * The course with every reference replaced by a copy of the object it names (resolved at publish
 * time, so a published version is self-contained and immutable, and learners never load a course
 * half-updated). Throws `authoring/unresolved-ref` listing each reference to a missing object or an
 * object of the wrong kind.
 */
export function resolveRefs(course: unknown, objects: ReadonlyMap<string, LearningObject>): Course {
  const issues: ValidationIssue[] = [];
  const lookup = (ref: string, kind: LearningObjectKind, path: string) => {
    const object = objects.get(objectId(ref));
    if (object?.kind === kind) return object;
    issues.push({ path, message: object ? `"${ref}" is a ${object.kind}, not a ${kind}` : `"${ref}" is not in the repository` });
    return undefined;
  };
  const visit = (value: unknown, path: string, parent: string | undefined): unknown => {
    if (Array.isArray(value))
      return value.map((item, index) => {
        const at = `${path}[${index}]`;
        if (!isRef(item)) return visit(item, at, parent);
        const kind = parent === 'lessons' ? 'lesson' : 'question';
        const content = lookup(item.ref, kind, at)?.content as Record<string, unknown> | undefined;
        return content ? { ...cloneJson(content), ...(item.id ? { id: item.id } : {}) } : item;
      });
    if (value && typeof value === 'object')
      return Object.fromEntries(
        Object.entries(value).map(([key, item]) => {
          const at = path ? `${path}.${key}` : key;
          if (isMediaRef(item) && (key === 'src' || key === 'poster'))
            return [key, (lookup(item, 'media', at)?.content as SharedMedia)?.src ?? item];
          return [key, visit(item, at, key)];
        }),
      );
    return value;
  };
  const resolved = visit(course, '', undefined) as Course;
  if (issues.length)
    throw new LmsError('authoring/unresolved-ref', `The course uses shared objects that cannot be resolved: ${issues[0].message}.`, {
      issues,
    });
  return resolved;
}

/**
 * "Fork for this course": the course with its references to `object` replaced by a copy of it, so later
 * changes to the shared object no longer reach this course.
 */
export function forkObject(course: unknown, object: LearningObject): unknown {
  const only = new Map([[object.id, object]]);
  const visit = (value: unknown, parent?: string): unknown => {
    if (Array.isArray(value))
      return value.map((item) =>
        isRef(item) && objectId(item.ref) === object.id
          ? (resolveRefs({ [parent ?? 'questions']: [item] }, only) as unknown as Record<string, unknown[]>)[parent ?? 'questions'][0]
          : visit(item, parent),
      );
    if (value && typeof value === 'object')
      return Object.fromEntries(
        Object.entries(value).map(([key, item]) =>
          item === `${REF_PREFIX}${object.id}` && object.kind === 'media'
            ? [key, (object.content as SharedMedia).src]
            : [key, visit(item, key)],
        ),
      );
    return value;
  };
  return visit(course);
}
